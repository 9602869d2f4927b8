package io.tierlens.backup.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.backup.model.BackupJob;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatesTest {

    private static Optional<String> label(String state, String category) {
        return JobStates.of(new BackupJob(
                "v", "arn", "RDS", state, Optional.ofNullable(category), Instant.EPOCH, Optional.empty(), false));
    }

    @Test
    void completedWithASuccessMessageOrNoneIsCompleted() {
        assertThat(label("COMPLETED", "SUCCESS")).contains("completed");
        assertThat(label("COMPLETED", "Success")).contains("completed");
        assertThat(label("COMPLETED", null)).contains("completed");
    }

    @Test
    void completedWithAnotherMessageCategoryIsCompletedWithIssues() {
        assertThat(label("COMPLETED", "InvalidParameters")).contains("completed_with_issues");
        assertThat(label("PARTIAL", null)).contains("completed_with_issues");
    }

    @Test
    void everyOtherApiStateHasItsBucket() {
        assertThat(label("FAILED", "AccessDenied")).contains("failed");
        assertThat(label("ABORTED", null)).contains("aborted");
        assertThat(label("ABORTING", null)).contains("aborted");
        assertThat(label("EXPIRED", null)).contains("expired");
        assertThat(label("CREATED", null)).contains("running");
        assertThat(label("PENDING", null)).contains("running");
        assertThat(label("RUNNING", null)).contains("running");
        assertThat(label("SOMETHING_NEW", null)).isEmpty();
        assertThat(JobStates.ALL).hasSize(6);
    }
}
