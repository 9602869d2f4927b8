package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one exporter's refreshes and keeps its {@link ExporterState}. Refreshes happen on the caller's
 * thread (the suite gives every exporter its own); readers never wait for one.
 */
public final class ExporterRunner {
    private static final Logger log = LoggerFactory.getLogger(ExporterRunner.class);

    private final Exporter exporter;
    private final SelfMetrics self;
    private final Clock clock;
    private final int maxSeries;
    private final AtomicReference<ExporterState> state = new AtomicReference<>(ExporterState.initial());
    private final AtomicReference<RenderedSnapshot> rendered = new AtomicReference<>(RenderedSnapshot.EMPTY);
    // Reasons of the previous refresh's partial failures: a lasting problem is logged when it starts and when
    // it ends, not once per refresh. Only the refresh thread touches it.
    private Set<String> lastPartialReasons = Set.of();

    public ExporterRunner(Exporter exporter, SelfMetrics self, Clock clock, int maxSeries) {
        this.exporter = exporter;
        this.self = self;
        this.clock = clock;
        this.maxSeries = maxSeries;
        self.initExporter(exporter.name());
    }

    public Exporter exporter() {
        return exporter;
    }

    public String name() {
        return exporter.name();
    }

    public ExporterState state() {
        return state.get();
    }

    /** One refresh: never throws; a failure is logged once per change of reason, counted, and degrades. */
    public void refreshOnce() {
        long start = System.nanoTime();
        ExporterState before = state.get();
        try {
            RefreshResult result = exporter.refresh();
            MetricSnapshots capped = cap(result.data());
            // Rendered here, on the refresh thread, so that no scrape pays for it.
            rendered.set(RenderedSnapshot.render(capped));
            state.set(before.succeeded(capped, clock.instant(), result.dataTimestamp()));
            Set<String> reasons = new HashSet<>();
            for (RefreshResult.PartialFailure p : result.partialFailures()) {
                self.refreshError(exporter.name(), p.reason());
                reasons.add(p.reason());
                if (lastPartialReasons.contains(p.reason())) {
                    log.debug(
                            "exporter={} partial failure again reason={}: {}",
                            exporter.name(),
                            p.reason(),
                            p.message());
                } else {
                    log.warn("exporter={} partial failure reason={}: {}", exporter.name(), p.reason(), p.message());
                }
            }
            for (String gone : lastPartialReasons) {
                if (!reasons.contains(gone)) {
                    log.info("exporter={} partial failure reason={} cleared", exporter.name(), gone);
                }
            }
            lastPartialReasons = Set.copyOf(reasons);
            if (before.lastAttemptFailed()) {
                log.info("exporter={} recovered", exporter.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            // Errors too: one escaping a scheduled task cancels all its later runs, so the exporter would stop
            // for good while still reporting up (and /-/ready would wait for it forever).
            String reason = FailureReason.of(e);
            state.set(before.failed(reason));
            self.refreshError(exporter.name(), reason);
            if (!before.lastErrorReason().equals(Optional.of(reason))) {
                log.warn(
                        "exporter={} refresh failed reason={}: {}; serving last good data{}",
                        exporter.name(),
                        reason,
                        describe(e),
                        before.lastSuccess().map(t -> " from " + t).orElse(" (none yet)"));
            } else {
                log.debug("exporter={} refresh failed again reason={}: {}", exporter.name(), reason, describe(e));
            }
        } finally {
            self.observeRefresh(exporter.name(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The data to serve now: the last good snapshot unless it is older than max staleness. */
    public MetricSnapshots servable() {
        ExporterState s = state.get();
        return fresh(s) ? s.lastGood().get() : MetricSnapshots.of();
    }

    /** {@link #servable()} as pre-rendered text exposition. */
    public RenderedSnapshot servableRendered() {
        return fresh(state.get()) ? rendered.get() : RenderedSnapshot.EMPTY;
    }

    private boolean fresh(ExporterState s) {
        if (s.lastGood().isEmpty() || s.lastSuccess().isEmpty()) {
            return false;
        }
        return Duration.between(s.lastSuccess().get(), clock.instant()).compareTo(exporter.maxStaleness()) <= 0;
    }

    private MetricSnapshots cap(MetricSnapshots data) {
        long total = 0;
        for (MetricSnapshot s : data) {
            total += s.getDataPoints().size();
        }
        if (total <= maxSeries) {
            return data;
        }
        // Keep whole families in order until the cap: a family cut in half would mislead more than a missing one.
        MetricSnapshots.Builder kept = MetricSnapshots.builder();
        long used = 0;
        long dropped = 0;
        for (MetricSnapshot s : data) {
            int n = s.getDataPoints().size();
            if (used + n <= maxSeries) {
                kept.metricSnapshot(s);
                used += n;
            } else {
                dropped += n;
            }
        }
        self.seriesDropped(exporter.name(), dropped);
        log.warn(
                "exporter={} produced {} series, over the cap of {}; dropped {} (raise max_series or narrow filters)",
                exporter.name(),
                total,
                maxSeries,
                dropped);
        return kept.build();
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
