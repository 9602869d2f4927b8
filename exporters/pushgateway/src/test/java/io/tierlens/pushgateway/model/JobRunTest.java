package io.tierlens.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TextExposition;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRunTest {
    private static final Instant START = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant END = Instant.parse("2026-11-21T02:30:00.250Z");

    @Test
    void aSuccessPushesEverySeriesInSeconds() {
        var metrics = new JobRun(START, END, 0).metrics();

        assertThat(TextExposition.render(metrics))
                .contains("# TYPE tierlens_job_last_success_timestamp_seconds gauge\n");
        assertThat(value(metrics, JobMetricNames.LAST_SUCCESS)).isEqualTo(1795228200.250);
        assertThat(value(metrics, JobMetricNames.LAST_RUN)).isEqualTo(1795228200.250);
        assertThat(value(metrics, JobMetricNames.DURATION)).isEqualTo(1800.250);
        assertThat(value(metrics, JobMetricNames.LAST_SUCCESS_DURATION)).isEqualTo(1800.250);
        assertThat(value(metrics, JobMetricNames.LAST_EXIT_CODE)).isEqualTo(0.0);
    }

    @Test
    void aFailureLeavesTheSuccessSeriesOut() {
        var metrics = new JobRun(START, END, 2).metrics();

        assertThat(value(metrics, JobMetricNames.LAST_EXIT_CODE)).isEqualTo(2.0);
        assertThat(value(metrics, JobMetricNames.LAST_RUN)).isEqualTo(1795228200.250);
        assertThat(TextExposition.render(metrics)).doesNotContain("last_success");
    }

    private static double value(io.prometheus.metrics.model.snapshots.MetricSnapshots m, String name) {
        return Scraped.value(m, name, Map.of()).orElseThrow();
    }
}
