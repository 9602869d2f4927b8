package io.tierlens.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.Scraped;
import org.junit.jupiter.api.Test;

/**
 * rate() and increase() need a series before the first event: a counter created by its first error shows that
 * error as the start of the series, not as an increase, and the alert on it misses it (issue 12).
 */
class SelfMetricsTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);

    @Test
    void everyFailureReasonOfAKnownTargetExistsAtZeroBeforeAnyError() {
        self.initExporter("alb");
        self.initTarget("alb", "123456789012/eu-west-1");

        assertThat(FailureReason.ALL)
                .contains(FailureReason.ACCESS_DENIED, FailureReason.INTERNAL)
                .hasSize(7);
        for (String reason : FailureReason.ALL) {
            assertThat(Scraped.value(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "alb",
                            "target",
                            "123456789012/eu-west-1",
                            "reason",
                            reason))
                    .as(reason)
                    .hasValue(0);
        }
    }

    @Test
    void anErrorCountsOnTopOfTheZero() {
        self.initExporter("rds");
        self.initTarget("rds", "rds");
        self.refreshError("rds", "rds", FailureReason.THROTTLED);

        assertThat(Scraped.value(
                        registry,
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "rds",
                        "target",
                        "rds",
                        "reason",
                        "throttled"))
                .hasValue(1);
        assertThat(Scraped.value(
                        registry,
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "rds",
                        "target",
                        "rds",
                        "reason",
                        "timeout"))
                .hasValue(0);
    }
}
