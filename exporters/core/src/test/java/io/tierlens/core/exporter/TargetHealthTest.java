package io.tierlens.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.LogCapture;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.ScriptedExporter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12: every blind spot of an exporter shows up per target, and nothing vanishes silently. */
class TargetHealthTest {
    private static final Duration MAX_STALENESS = Duration.ofMinutes(5);
    private static final String DENIED = "222222222222/eu-west-1";
    private static final String FINE = "111111111111/eu-west-1";

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final ScriptedExporter exporter = new ScriptedExporter("alb", Duration.ofMinutes(1), MAX_STALENESS);
    private final ExporterRunner runner = new ExporterRunner(exporter, self, clock, 1000);
    private final ExporterSuite suite = new ExporterSuite(List.of(runner), clock);

    private ScriptedExporter.Step twoTargets(boolean deniedWorks) {
        return () -> new RefreshResult(
                ExporterRunnerTest.data("tierlens_alb_test", 1),
                clock.instant(),
                List.of(),
                List.of(
                        TargetStatus.ok(FINE, clock.instant()),
                        deniedWorks
                                ? TargetStatus.ok(DENIED, clock.instant())
                                : TargetStatus.failed(DENIED, List.of(FailureReason.ACCESS_DENIED), Optional.empty())));
    }

    private double gauge(String name, String target) {
        return Scraped.value(suite.collect(), name, "exporter", "alb", "target", target)
                .orElseThrow();
    }

    private double errors(String target, String reason) {
        return Scraped.counter(
                registry, "tierlens_refresh_errors_total", "exporter", "alb", "target", target, "reason", reason);
    }

    @Test
    void oneDeniedTargetIsDownWithItsReasonWhileTheOtherStaysUp() {
        exporter.then(twoTargets(false)).then(twoTargets(false));

        runner.refreshOnce();
        clock.advance(Duration.ofMinutes(1));
        runner.refreshOnce();

        assertThat(gauge("tierlens_target_up", FINE)).isEqualTo(1);
        assertThat(gauge("tierlens_target_up", DENIED)).isZero();
        assertThat(Scraped.value(suite.collect(), "tierlens_exporter_up", "exporter", "alb"))
                .hasValue(0);
        assertThat(errors(DENIED, FailureReason.ACCESS_DENIED)).isEqualTo(2);
        // every reason exists at 0 once the target is known, so increase() and absent() work from the start
        for (String reason : FailureReason.ALL) {
            assertThat(Scraped.value(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "alb",
                            "target",
                            FINE,
                            "reason",
                            reason))
                    .hasValue(0);
        }
        assertThat(gauge("tierlens_data_age_seconds", FINE)).isZero();
        // the denied target never had data: its age is the time since the start, and grows
        assertThat(gauge("tierlens_data_age_seconds", DENIED)).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(gauge("tierlens_data_age_seconds", DENIED)).isEqualTo(120);
    }

    @Test
    void dataThatNeverCameAgesFromTheStart() {
        exporter.thenThrow(new IOException("connection refused")).thenThrow(new IOException("connection refused"));
        clock.advance(Duration.ofSeconds(5));

        runner.refreshOnce();
        clock.advance(Duration.ofMinutes(10));
        runner.refreshOnce();

        assertThat(gauge("tierlens_target_up", "alb")).isZero();
        assertThat(gauge("tierlens_data_age_seconds", "alb")).isEqualTo(605);
        assertThat(errors("alb", FailureReason.UNREACHABLE)).isEqualTo(2);
    }

    @Test
    void aRefreshWithAFailedTargetIsNoRecovery() {
        exporter.thenThrow(new IOException("down")).then(twoTargets(false)).then(twoTargets(true));

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            runner.refreshOnce();
            runner.refreshOnce();
            assertThat(log.messages()).noneMatch(m -> m.contains("recovered"));

            runner.refreshOnce();
            assertThat(log.messages()).last().asString().contains("exporter=alb recovered");
        }
        assertThat(runner.state().up()).isTrue();
    }

    @Test
    void lastGoodDataDroppedAtMaxStalenessIsLoggedOnceAndCounted() {
        exporter.thenReturn(ExporterRunnerTest.data("tierlens_alb_test", 3), clock.instant());
        for (int i = 0; i < 3; i++) {
            exporter.thenThrow(new IOException("down"));
        }
        runner.refreshOnce();
        assertThat(Scraped.value(registry, "tierlens_series_expired_total", "exporter", "alb"))
                .hasValue(0);

        try (LogCapture log = LogCapture.of(ExporterRunner.class)) {
            clock.advance(Duration.ofMinutes(4));
            runner.refreshOnce();
            assertThat(log.messages()).noneMatch(m -> m.contains("max_staleness"));
            clock.advance(Duration.ofMinutes(2));
            runner.refreshOnce();
            clock.advance(Duration.ofMinutes(1));
            runner.refreshOnce();

            assertThat(log.warnings().stream().filter(m -> m.contains("older than max_staleness")))
                    .singleElement()
                    .asString()
                    .contains("exporter=alb", "dropped 3 series");
        }
        assertThat(Scraped.value(registry, "tierlens_series_expired_total", "exporter", "alb"))
                .hasValue(3);
        assertThat(runner.servable()).isEmpty();
        assertThat(runner.servableRendered()).isSameAs(RenderedSnapshot.EMPTY);
        assertThat(gauge("tierlens_target_up", "alb")).isZero();
        assertThat(gauge("tierlens_data_age_seconds", "alb")).isEqualTo(420);
    }

    @Test
    void aReplacingRunnerServesThePreviousDataAndStaysReady() {
        MetricSnapshots data = ExporterRunnerTest.data("tierlens_alb_test", 1);
        exporter.thenReturn(data, clock.instant());
        runner.refreshOnce();
        ScriptedExporter reconfigured = new ScriptedExporter("alb", Duration.ofMinutes(1), MAX_STALENESS);

        ExporterRunner next = ExporterRunner.replacing(runner, reconfigured, self, clock, 1000);

        assertThat(next.servable()).isSameAs(data);
        assertThat(next.servableRendered()).isSameAs(runner.servableRendered());
        assertThat(next.state().attempted()).isTrue();
        assertThat(next.startedAt()).isEqualTo(runner.startedAt());
        assertThat(reconfigured.refreshes()).isZero();
    }
}
