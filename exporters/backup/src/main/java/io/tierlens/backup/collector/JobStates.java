package io.tierlens.backup.collector;

import io.tierlens.backup.model.BackupJob;
import java.util.List;
import java.util.Optional;

/**
 * The bounded {@code state} label of {@code tierlens_backup_jobs}. AWS Backup's API states map as follows;
 * "Completed with issues" exists only in the console and is, per the API reference, a {@code COMPLETED} job
 * whose {@code MessageCategory} is not {@code SUCCESS}.
 */
public final class JobStates {
    public static final String COMPLETED = "completed";
    public static final String COMPLETED_WITH_ISSUES = "completed_with_issues";
    public static final String FAILED = "failed";
    public static final String ABORTED = "aborted";
    public static final String EXPIRED = "expired";
    public static final String RUNNING = "running";
    public static final List<String> ALL = List.of(COMPLETED, COMPLETED_WITH_ISSUES, FAILED, ABORTED, EXPIRED, RUNNING);

    private JobStates() {}

    /** The label of a job's state; empty for a state AWS adds later (the job is then not counted). */
    public static Optional<String> of(BackupJob job) {
        return switch (job.state()) {
            case "COMPLETED" ->
                Optional.of(
                        job.messageCategory()
                                        .filter(c -> !c.equalsIgnoreCase("SUCCESS"))
                                        .isPresent()
                                ? COMPLETED_WITH_ISSUES
                                : COMPLETED);
            // PARTIAL: a composite job some of whose children failed; the backup exists with gaps.
            case "PARTIAL" -> Optional.of(COMPLETED_WITH_ISSUES);
            case "FAILED" -> Optional.of(FAILED);
            case "ABORTED", "ABORTING" -> Optional.of(ABORTED);
            case "EXPIRED" -> Optional.of(EXPIRED);
            case "CREATED", "PENDING", "RUNNING" -> Optional.of(RUNNING);
            default -> Optional.empty();
        };
    }

    /** Whether the job produced a backup: completed, with or without issues. */
    public static boolean succeeded(BackupJob job) {
        return job.state().equals("COMPLETED");
    }
}
