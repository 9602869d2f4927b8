package io.tierlens.core.exporter;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.RenderedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running set of exporters: schedules each runner on its own thread and serves, as one
 * {@link MultiCollector}, their data plus the scrape-time self gauges. Registered once; a reload swaps the
 * suite behind a {@link SuiteCollector}, so the registry never sees a half-built set.
 */
public final class ExporterSuite implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExporterSuite.class);

    private final List<ExporterRunner> runners;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ExporterSuite(List<ExporterRunner> runners, Clock clock) {
        this.runners = List.copyOf(runners);
        this.clock = clock;
    }

    public List<ExporterRunner> runners() {
        return runners;
    }

    /** Starts background refreshes; the first refresh of every exporter starts at once. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(Math.max(1, runners.size()), r -> {
            Thread t = new Thread(r, "tierlens-refresh");
            t.setDaemon(true);
            return t;
        });
        Instant now = clock.instant();
        for (ExporterRunner runner : runners) {
            long periodMs = runner.exporter().refreshInterval().toMillis();
            // A runner carried over by a reload keeps its rhythm; a new one refreshes at once.
            long delayMs = runner.lastAttempt()
                    .map(t -> Math.max(0, periodMs - Duration.between(t, now).toMillis()))
                    .orElse(0L);
            // Fixed rate keeps exporters with the same interval in step, which lets the CloudWatch planner
            // pack their queries into the same GetMetricData calls.
            scheduler.scheduleAtFixedRate(
                    () -> {
                        Thread.currentThread().setName("tierlens-refresh-" + runner.name());
                        runner.refreshOnce();
                    },
                    delayMs,
                    periodMs,
                    TimeUnit.MILLISECONDS);
            log.info(
                    "exporter={} started, refresh every {}",
                    runner.name(),
                    runner.exporter().refreshInterval());
        }
    }

    /** Ready once every exporter finished one refresh, successfully or with a recorded error. */
    public boolean ready() {
        return runners.stream().allMatch(r -> r.state().attempted());
    }

    /** Names of exporters that have not finished a first refresh yet. */
    public List<String> notReady() {
        return runners.stream()
                .filter(r -> !r.state().attempted())
                .map(ExporterRunner::name)
                .toList();
    }

    /** Every exporter's data, pre-rendered, in runner order; no I/O. */
    public List<RenderedSnapshot> renderedData() {
        List<RenderedSnapshot> out = new ArrayList<>(runners.size());
        for (ExporterRunner r : runners) {
            out.add(r.servableRendered());
        }
        return out;
    }

    /** The scrape-time self gauges (up, last success, data age) of every exporter. */
    public MetricSnapshots selfSnapshots() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (MetricSnapshot s : selfGauges()) {
            out.metricSnapshot(s);
        }
        return out.build();
    }

    /** Data of every exporter plus the self gauges; no I/O. */
    public MetricSnapshots collect() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (ExporterRunner r : runners) {
            for (MetricSnapshot s : r.servable()) {
                out.metricSnapshot(s);
            }
        }
        for (MetricSnapshot s : selfGauges()) {
            out.metricSnapshot(s);
        }
        return out.build();
    }

    private List<MetricSnapshot> selfGauges() {
        FamilyBuilder up = FamilyBuilder.gauge(
                "tierlens_exporter_up",
                "1 if the exporter's last refresh succeeded for every one of its targets, else 0.",
                "exporter");
        FamilyBuilder targetUp = FamilyBuilder.gauge(
                "tierlens_target_up",
                "1 if the target (account_id/region, Redis host:port, kubernetes, ...) refreshed fully the last time.",
                "exporter",
                "target");
        FamilyBuilder lastSuccess = FamilyBuilder.gauge(
                "tierlens_last_refresh_success_timestamp_seconds",
                "Unix time of the exporter's last successful refresh.",
                "exporter");
        FamilyBuilder age = FamilyBuilder.gauge(
                "tierlens_data_age_seconds",
                "Age of the newest data served for the target; since the start while it never had data.",
                "exporter",
                "target");
        Instant now = clock.instant();
        for (ExporterRunner r : runners) {
            ExporterState s = r.state();
            up.add(s.up() ? 1 : 0, r.name());
            s.lastSuccess().ifPresent(t -> lastSuccess.add(t.toEpochMilli() / 1000.0, r.name()));
            for (ExporterState.TargetHealth t : s.targets()) {
                targetUp.add(t.up() ? 1 : 0, r.name(), t.target());
                Instant measured = t.dataTimestamp().orElse(r.startedAt());
                age.add(Math.max(0, Duration.between(measured, now).toMillis() / 1000.0), r.name(), t.target());
            }
        }
        List<MetricSnapshot> out = new ArrayList<>();
        for (FamilyBuilder f : List.of(up, targetUp, lastSuccess, age)) {
            if (f.size() > 0) {
                out.add(f.build());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closeExcept(Set.of());
    }

    /**
     * Stops the refreshes and closes every exporter but those of {@code carried}, which a reload hands to the next
     * suite with their state. Returns once no refresh of this suite runs any more (or after 5 s).
     */
    public synchronized void closeExcept(Set<ExporterRunner> carried) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("a refresh did not stop within 5 s of the suite closing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        for (ExporterRunner r : runners) {
            if (carried.contains(r)) {
                continue;
            }
            try {
                r.exporter().close();
            } catch (Exception e) {
                log.warn("exporter={} did not close cleanly: {}", r.name(), e.toString());
            }
        }
    }

    /**
     * The single collector registered in the registry: it contributes the self gauges, while the exporters'
     * data is served pre-rendered through {@link #renderedData()}. {@link #swap} installs a new suite on reload.
     */
    public static final class SuiteCollector implements MultiCollector {
        private volatile ExporterSuite suite;

        public SuiteCollector(ExporterSuite suite) {
            this.suite = suite;
        }

        public ExporterSuite current() {
            return suite;
        }

        /** Installs {@code next} and returns the previous suite, which the caller closes. */
        public ExporterSuite swap(ExporterSuite next) {
            ExporterSuite prev = suite;
            suite = next;
            return prev;
        }

        public List<RenderedSnapshot> renderedData() {
            return suite.renderedData();
        }

        @Override
        public MetricSnapshots collect() {
            return suite.selfSnapshots();
        }
    }
}
