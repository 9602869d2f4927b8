package io.tierlens.demo.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.batch.BatchConfig;
import io.tierlens.batch.BatchExporter;
import io.tierlens.batch.BatchModule;
import io.tierlens.batch.client.CronJobApi;
import io.tierlens.batch.collector.CronJobCollector;
import io.tierlens.core.testing.Scraped;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.session.SessionLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BatchDemoSimulationTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void theExporterServesTheStoryThroughTheSimulatedApi() throws Exception {
        MovableClock clock = new MovableClock();
        Scenario scenario = new Scenario(clock, START, 1, 1);
        DemoApiClients clients = new DemoApiClients();
        DemoModules.all(SessionLayout.INDEXED)
                .get(BatchModule.NAME)
                .simulate(new BatchConfig(true, null, null, null, null, null), scenario, null)
                .install(clients);
        CronJobApi api = clients.get(CronJobApi.class, BatchModule.CLUSTER, t -> {
            throw new AssertionError("the demo must not build a real client");
        });
        BatchExporter exporter = new BatchExporter(new BatchConfig(true, null, null, null, null, null), api, clock);
        Map<String, String> backup = Map.of("namespace", "shop", "cronjob", NightlyJobStory.BACKUP_JOB);
        Map<String, String> never = Map.of("namespace", "shop", "cronjob", NightlyJobStory.NEVER_STARTED_JOB);

        clock.now.set(START.plus(Duration.ofMinutes(26)));
        MetricSnapshots afterFailure = exporter.refresh().data();
        assertThat(Scraped.value(afterFailure, CronJobCollector.LAST_JOB_FAILED, backup))
                .hasValue(1);
        assertThat(Scraped.value(afterFailure, CronJobCollector.LAST_SUCCESSFUL, backup))
                .hasValue(START.plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(Scraped.value(afterFailure, CronJobCollector.CREATED, never)).isPresent();
        assertThat(Scraped.value(afterFailure, CronJobCollector.LAST_SCHEDULE, never))
                .isEmpty();

        clock.now.set(START.plus(Duration.ofMinutes(33)));
        MetricSnapshots running = exporter.refresh().data();
        assertThat(Scraped.value(running, CronJobCollector.ACTIVE_JOBS, backup)).hasValue(1);
        assertThat(Scraped.value(running, CronJobCollector.LAST_SCHEDULE, backup))
                .hasValue(START.plus(Duration.ofMinutes(32)).getEpochSecond());

        clock.now.set(START.plus(Duration.ofMinutes(36)));
        MetricSnapshots recovered = exporter.refresh().data();
        assertThat(Scraped.value(recovered, CronJobCollector.LAST_JOB_FAILED, backup))
                .hasValue(0);
    }
}
