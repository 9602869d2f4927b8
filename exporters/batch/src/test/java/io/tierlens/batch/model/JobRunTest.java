package io.tierlens.batch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRunTest {
    private static final Instant START = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant END = Instant.parse("2026-11-21T02:30:00.250Z");

    @Test
    void aSuccessPushesEverySeriesInSeconds() {
        String body = new JobRun(START, END, 0).pushBody();

        assertThat(body)
                .contains("# TYPE tierlens_job_last_success_timestamp_seconds gauge\n")
                .contains("tierlens_job_last_success_timestamp_seconds 1795228200.250\n")
                .contains("tierlens_job_last_run_timestamp_seconds 1795228200.250\n")
                .contains("tierlens_job_duration_seconds 1800.250\n")
                .contains("tierlens_job_last_success_duration_seconds 1800.250\n")
                .contains("tierlens_job_last_exit_code 0\n");
    }

    @Test
    void aFailureLeavesTheSuccessSeriesOut() {
        String body = new JobRun(START, END, 2).pushBody();

        assertThat(body)
                .contains("tierlens_job_last_exit_code 2\n")
                .contains("tierlens_job_last_run_timestamp_seconds 1795228200.250\n")
                .doesNotContain("last_success");
    }
}
