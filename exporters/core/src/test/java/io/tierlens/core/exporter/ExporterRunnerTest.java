package io.tierlens.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.LogCapture;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.ScriptedExporter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExporterRunnerTest {
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Duration MAX_STALENESS = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final ScriptedExporter exporter = new ScriptedExporter("test", REFRESH, MAX_STALENESS);

    static MetricSnapshots data(String name, int series) {
        FamilyBuilder f = FamilyBuilder.gauge(name, "test data", "id");
        IntStream.range(0, series).forEach(i -> f.add(i, "id-" + i));
        return MetricSnapshots.of(f.build());
    }

    private ExporterRunner runner(int maxSeries) {
        return new ExporterRunner(exporter, self, clock, maxSeries);
    }

    private double errors(String reason) {
        return Scraped.counter(
                registry, "tierlens_refresh_errors_total", "exporter", "test", "target", "test", "reason", reason);
    }

    @Test
    void everyReasonOfEveryConfiguredTargetStartsAtZeroBeforeTheFirstRefresh() {
        Exporter twoAccounts = new Exporter() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Duration refreshInterval() {
                return REFRESH;
            }

            @Override
            public Duration maxStaleness() {
                return MAX_STALENESS;
            }

            @Override
            public RefreshResult refresh() {
                return RefreshResult.of(MetricSnapshots.of(), Instant.EPOCH);
            }

            @Override
            public List<String> initialTargets() {
                return List.of("111111111111/eu-west-1", "222222222222/eu-west-1");
            }
        };

        new ExporterRunner(twoAccounts, self, clock, 100);

        for (String target : List.of("111111111111/eu-west-1", "222222222222/eu-west-1")) {
            for (String reason : FailureReason.ALL) {
                assertThat(Scraped.value(
                                registry,
                                "tierlens_refresh_errors_total",
                                "exporter",
                                "test",
                                "target",
                                target,
                                "reason",
                                reason))
                        .as(target + " " + reason)
                        .hasValue(0);
            }
        }
    }

    @Test
    void successfulRefreshIsPublished() {
        MetricSnapshots data = data("tierlens_test_value", 2);
        exporter.thenReturn(data, clock.instant().minusSeconds(90));
        ExporterRunner runner = runner(100);

        runner.refreshOnce();

        assertThat(runner.servable()).isSameAs(data);
        ExporterState s = runner.state();
        assertThat(s.up()).isTrue();
        assertThat(s.lastSuccess()).contains(clock.instant());
        assertThat(s.dataTimestamp()).contains(clock.instant().minusSeconds(90));
        assertThat(Scraped.value(registry, "tierlens_refresh_duration_seconds_count", "exporter", "test"))
                .hasValue(1);
    }

    @Test
    void nothingIsServedBeforeTheFirstRefresh() {
        ExporterRunner runner = runner(100);

        assertThat(runner.servable()).isEmpty();
        assertThat(runner.state().attempted()).isFalse();
        // self counters of the exporter exist from the start, so rate() and absent() work
        assertThat(Scraped.value(registry, "tierlens_series_dropped_total", "exporter", "test"))
                .hasValue(0);
        assertThat(Scraped.value(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "test"))
                .hasValue(0);
    }

    @Test
    void failedRefreshKeepsTheLastGoodDataAndCountsAndLogsTheReason() {
        MetricSnapshots data = data("tierlens_test_value", 1);
        Instant measured = clock.instant().minusSeconds(60);
        exporter.thenReturn(data, measured).thenThrow(new IOException("connection reset"));
        ExporterRunner runner = runner(100);
        ExporterSuite suite = new ExporterSuite(List.of(runner), clock);
        runner.refreshOnce();
        clock.advance(Duration.ofMinutes(2));

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            runner.refreshOnce();

            assertThat(log.warnings())
                    .singleElement()
                    .asString()
                    .contains("exporter=test", "reason=unreachable", "connection reset", "serving last good data");
        }

        assertThat(runner.servable()).isSameAs(data);
        assertThat(runner.state().up()).isFalse();
        assertThat(runner.state().lastErrorReason()).contains(FailureReason.UNREACHABLE);
        assertThat(errors("unreachable")).isEqualTo(1);
        MetricSnapshots collected = suite.collect();
        assertThat(Scraped.value(collected, "tierlens_test_value")).hasValue(0);
        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "test"))
                .hasValue(0);
        assertThat(Scraped.value(collected, "tierlens_data_age_seconds", "exporter", "test", "target", "test"))
                .hasValue(180);
        assertThat(Scraped.value(collected, "tierlens_target_up", "exporter", "test", "target", "test"))
                .hasValue(0);
        assertThat(Scraped.value(collected, "tierlens_last_refresh_success_timestamp_seconds", "exporter", "test"))
                .hasValue(Instant.parse("2026-01-01T12:00:00Z").getEpochSecond());
    }

    @Test
    void theSameFailureAgainIsCountedButLoggedOnlyOnce() {
        exporter.thenThrow(new IOException("down"));
        ExporterRunner runner = runner(100);

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            runner.refreshOnce();
            runner.refreshOnce();
            runner.refreshOnce();

            assertThat(log.warnings()).hasSize(1);
            assertThat(log.messages()).hasSize(3);
        }
        assertThat(errors("unreachable")).isEqualTo(3);
        assertThat(runner.state().attempted()).isTrue();
        assertThat(runner.servable()).isEmpty();
    }

    @Test
    void aNewReasonIsLoggedAgainAndRecoveryIsLogged() {
        exporter.thenThrow(new IOException("down"))
                .thenThrow(new ExporterException("wrong_password", "AUTH failed"))
                .thenReturn(data("tierlens_test_value", 1), clock.instant());
        ExporterRunner runner = runner(100);

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            runner.refreshOnce();
            runner.refreshOnce();
            runner.refreshOnce();

            assertThat(log.warnings()).hasSize(2);
            assertThat(log.warnings().get(1)).contains("reason=wrong_password");
            assertThat(log.messages()).last().asString().contains("exporter=test recovered");
        }
        assertThat(errors("wrong_password")).isEqualTo(1);
        assertThat(runner.state().up()).isTrue();
        assertThat(runner.state().lastErrorReason()).isEmpty();
    }

    @Test
    void afterMaxStalenessTheDataDisappearsButSelfMetricsRemain() {
        exporter.thenReturn(data("tierlens_test_value", 1), clock.instant()).thenThrow(new IOException("down"));
        ExporterRunner runner = runner(100);
        ExporterSuite suite = new ExporterSuite(List.of(runner), clock);
        runner.refreshOnce();
        runner.refreshOnce();

        clock.advance(MAX_STALENESS);
        assertThat(Scraped.names(suite.collect())).contains("tierlens_test_value");

        clock.advance(Duration.ofSeconds(1));
        MetricSnapshots collected = suite.collect();
        assertThat(runner.servable()).isEmpty();
        assertThat(Scraped.names(collected))
                .doesNotContain("tierlens_test_value")
                .contains("tierlens_exporter_up", "tierlens_last_refresh_success_timestamp_seconds");
        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "test"))
                .hasValue(0);
        assertThat(errors("unreachable")).isEqualTo(1);
    }

    @Test
    void partialFailuresAreCountedWhileTheDataIsPublished() {
        MetricSnapshots data = data("tierlens_test_value", 1);
        exporter.then(() -> new RefreshResult(
                data,
                clock.instant(),
                List.of(
                        new RefreshResult.PartialFailure(FailureReason.ACCESS_DENIED, "DescribeTags denied"),
                        new RefreshResult.PartialFailure(FailureReason.THROTTLED, "DescribeTargetHealth"),
                        new RefreshResult.PartialFailure(FailureReason.THROTTLED, "DescribeTargetHealth"))));
        ExporterRunner runner = runner(100);

        runner.refreshOnce();

        assertThat(runner.servable()).isSameAs(data);
        // Served, but not up: a part that failed is a blind spot, and up 1 would hide it.
        assertThat(runner.state().up()).isFalse();
        assertThat(runner.state().lastErrorReason()).isEmpty();
        assertThat(errors("access_denied")).isEqualTo(1);
        assertThat(errors("throttled")).isEqualTo(2);
    }

    @Test
    void seriesCapDropsWholeFamiliesAndCountsTheSeries() {
        MetricSnapshots data = MetricSnapshots.builder()
                .metricSnapshot(data("tierlens_test_a", 3).get(0))
                .metricSnapshot(data("tierlens_test_b", 5).get(0))
                .metricSnapshot(data("tierlens_test_c", 2).get(0))
                .build();
        exporter.thenReturn(data, clock.instant());
        ExporterRunner runner = runner(6);

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            runner.refreshOnce();

            assertThat(log.warnings()).singleElement().asString().contains("over the cap of 6", "dropped 5");
        }

        MetricSnapshots served = runner.servable();
        assertThat(Scraped.names(served)).containsExactly("tierlens_test_a", "tierlens_test_c");
        assertThat(served.stream().mapToInt(s -> s.getDataPoints().size()).sum())
                .isEqualTo(5);
        assertThat(Scraped.value(registry, "tierlens_series_dropped_total", "exporter", "test"))
                .hasValue(5);
    }

    @Test
    void dataAtTheCapIsKeptWhole() {
        MetricSnapshots data = data("tierlens_test_a", 6);
        exporter.thenReturn(data, clock.instant());
        ExporterRunner runner = runner(6);

        runner.refreshOnce();

        assertThat(runner.servable()).isSameAs(data);
        assertThat(Scraped.value(registry, "tierlens_series_dropped_total", "exporter", "test"))
                .hasValue(0);
    }

    @Test
    void anErrorThrownByARefreshIsAFailureToo() {
        // Were it to escape, the scheduled task would never run again and /-/ready would wait forever.
        exporter.then(() -> {
            throw new StackOverflowError();
        });
        ExporterRunner runner = runner(100);

        runner.refreshOnce();

        assertThat(runner.state().attempted()).isTrue();
        assertThat(runner.state().up()).isFalse();
        assertThat(errors(FailureReason.INTERNAL)).isEqualTo(1);
    }

    @Test
    void interruptionIsNeitherAFailureNorSwallowed() {
        exporter.thenThrow(new InterruptedException());
        ExporterRunner runner = runner(100);

        runner.refreshOnce();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(runner.state().attempted()).isFalse();
        assertThat(refreshErrors()).isZero();
    }

    /** Refresh errors of the test exporter over every reason (each reason's series exists at 0 from the start). */
    private double refreshErrors() {
        return FailureReason.ALL.stream().mapToDouble(this::errors).sum();
    }
}
