package io.tierlens.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.ScriptedExporter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExporterSuiteTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final CountDownLatch release = new CountDownLatch(1);
    private ExporterSuite suite;

    @AfterEach
    void stop() {
        release.countDown();
        if (suite != null) {
            suite.close();
        }
    }

    private ExporterRunner runner(ScriptedExporter e) {
        return new ExporterRunner(e, self, clock, 1000);
    }

    private static MetricSnapshots data(String name) {
        return ExporterRunnerTest.data(name, 1);
    }

    @Test
    void readyOnlyAfterEveryExporterAttemptedOnce() {
        ExporterRunner fast =
                runner(new ScriptedExporter("fast", HOUR, HOUR).thenReturn(data("tierlens_fast"), clock.instant()));
        ExporterRunner failing =
                runner(new ScriptedExporter("failing", HOUR, HOUR).thenThrow(new IOException("unreachable")));
        ScriptedExporter slowExporter = new ScriptedExporter("slow", HOUR, HOUR)
                .thenBlockUntil(release, data("tierlens_slow"), clock.instant());
        suite = new ExporterSuite(List.of(fast, runner(slowExporter), failing), clock);
        assertThat(suite.ready()).isFalse();
        assertThat(suite.notReady()).containsExactly("fast", "slow", "failing");

        suite.start();
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> fast.state().attempted() && failing.state().attempted());

        // A failed first refresh counts as attempted; the blocked one is what readiness still waits for.
        assertThat(suite.ready()).isFalse();
        assertThat(suite.notReady()).containsExactly("slow");

        release.countDown();
        await().atMost(30, TimeUnit.SECONDS).until(suite::ready);
        assertThat(suite.notReady()).isEmpty();
    }

    @Test
    void aBlockedExporterBlocksNeitherCollectNorTheOthersRefreshes() throws Exception {
        ScriptedExporter slowExporter = new ScriptedExporter("slow", HOUR, HOUR)
                .thenBlockUntil(release, data("tierlens_slow"), clock.instant());
        ExporterRunner fast =
                runner(new ScriptedExporter("fast", HOUR, HOUR).thenReturn(data("tierlens_fast"), clock.instant()));
        suite = new ExporterSuite(List.of(runner(slowExporter), fast), clock);

        suite.start();
        assertThat(slowExporter.firstRefreshStarted().await(30, TimeUnit.SECONDS))
                .isTrue();
        await().atMost(30, TimeUnit.SECONDS).until(() -> fast.state().attempted());

        MetricSnapshots collected = suite.collect();
        assertThat(Scraped.names(collected)).contains("tierlens_fast").doesNotContain("tierlens_slow");
        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "fast"))
                .hasValue(1);
        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "slow"))
                .hasValue(0);
        assertThat(suite.notReady()).containsExactly("slow");
    }

    @Test
    void selfGaugesDescribeEachExporter() {
        ExporterRunner ok = runner(new ScriptedExporter("ok", HOUR, HOUR)
                .thenReturn(data("tierlens_ok"), Instant.parse("2026-01-01T11:58:00Z")));
        ExporterRunner never = runner(new ScriptedExporter("never", HOUR, HOUR));
        suite = new ExporterSuite(List.of(ok, never), clock);
        ok.refreshOnce();
        clock.advance(Duration.ofSeconds(30));

        MetricSnapshots collected = suite.collect();

        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "ok"))
                .hasValue(1);
        assertThat(Scraped.value(collected, "tierlens_exporter_up", "exporter", "never"))
                .hasValue(0);
        assertThat(Scraped.value(collected, "tierlens_last_refresh_success_timestamp_seconds", "exporter", "ok"))
                .hasValue(Instant.parse("2026-01-01T12:00:00Z").getEpochSecond());
        assertThat(Scraped.value(collected, "tierlens_data_age_seconds", "exporter", "ok"))
                .hasValue(150);
        // nothing to say yet about an exporter that never succeeded
        assertThat(Scraped.value(collected, "tierlens_data_age_seconds", "exporter", "never"))
                .isEmpty();
        assertThat(Scraped.value(collected, "tierlens_last_refresh_success_timestamp_seconds", "exporter", "never"))
                .isEmpty();
    }

    @Test
    void suiteCollectorServesTheCurrentSuiteAndSwapsOnReload() {
        ExporterRunner first =
                runner(new ScriptedExporter("first", HOUR, HOUR).thenReturn(data("tierlens_first"), clock.instant()));
        ExporterRunner second =
                runner(new ScriptedExporter("second", HOUR, HOUR).thenReturn(data("tierlens_second"), clock.instant()));
        first.refreshOnce();
        second.refreshOnce();
        suite = new ExporterSuite(List.of(first), clock);
        ExporterSuite.SuiteCollector collector = new ExporterSuite.SuiteCollector(suite);
        registry.register(collector);
        // The registry holds the live self gauges; exporter data is served pre-rendered beside it.
        assertThat(Scraped.value(registry.scrape(), "tierlens_exporter_up", "exporter", "first"))
                .hasValue(1.0);
        assertThat(Scraped.names(registry.scrape())).doesNotContain("tierlens_first");
        assertThat(renderedText(collector)).contains("tierlens_first").doesNotContain("tierlens_second");

        ExporterSuite next = new ExporterSuite(List.of(second), clock);
        ExporterSuite previous = collector.swap(next);
        suite = next;
        previous.close();

        assertThat(previous.runners()).containsExactly(first);
        assertThat(collector.current()).isSameAs(next);
        assertThat(Scraped.value(registry.scrape(), "tierlens_exporter_up", "exporter", "second"))
                .hasValue(1.0);
        assertThat(renderedText(collector)).contains("tierlens_second").doesNotContain("tierlens_first");
    }

    private static String renderedText(ExporterSuite.SuiteCollector collector) {
        StringBuilder sb = new StringBuilder();
        collector.renderedData().forEach(r -> sb.append(new String(r.text(), java.nio.charset.StandardCharsets.UTF_8)));
        return sb.toString();
    }

    @Test
    void closeInterruptsABlockedRefreshAndClosesExporters() throws Exception {
        ScriptedExporter blocked = new ScriptedExporter("blocked", HOUR, HOUR)
                .thenBlockUntil(new CountDownLatch(1), data("tierlens_never"), clock.instant());
        suite = new ExporterSuite(List.of(runner(blocked)), clock);
        suite.start();
        assertThat(blocked.firstRefreshStarted().await(30, TimeUnit.SECONDS)).isTrue();

        suite.close();

        assertThat(blocked.closed()).isTrue();
        assertThat(suite.ready()).isFalse();
    }
}
