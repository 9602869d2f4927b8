package io.tierlens.backup.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One AWS Backup job (ListBackupJobs). The job id is deliberately not kept: it must never become a label.
 *
 * @param state the API state: {@code CREATED}, {@code PENDING}, {@code RUNNING}, {@code ABORTING},
 *     {@code ABORTED}, {@code COMPLETED}, {@code FAILED}, {@code EXPIRED}, {@code PARTIAL}
 * @param messageCategory {@code SUCCESS} or an issue category; a {@code COMPLETED} job with another category is
 *     what the console calls "Completed with issues"
 * @param parent a composite job's parent, whose children are listed as jobs of their own
 */
public record BackupJob(
        String vault,
        String resourceArn,
        String resourceType,
        String state,
        Optional<String> messageCategory,
        Instant created,
        Optional<Instant> completed,
        boolean parent) {}
