package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
    private final TargetBook book;
    private final Instant startedAt;
    private final AtomicReference<ExporterState> state;
    private final AtomicReference<RenderedSnapshot> rendered;
    private volatile Optional<Instant> lastAttempt = Optional.empty();
    // Reasons of the previous refresh's partial failures: a lasting problem is logged when it starts and when
    // it ends, not once per refresh. Only the refresh thread touches it.
    private Set<String> lastPartialReasons = Set.of();

    public ExporterRunner(Exporter exporter, SelfMetrics self, Clock clock, int maxSeries) {
        this(exporter, self, clock, maxSeries, clock.instant(), ExporterState.initial(), RenderedSnapshot.EMPTY);
    }

    private ExporterRunner(
            Exporter exporter,
            SelfMetrics self,
            Clock clock,
            int maxSeries,
            Instant startedAt,
            ExporterState initial,
            RenderedSnapshot initialRendered) {
        this.exporter = exporter;
        this.self = self;
        this.clock = clock;
        this.maxSeries = maxSeries;
        this.book = new TargetBook(exporter.name(), self);
        this.startedAt = startedAt;
        this.state = new AtomicReference<>(initial);
        this.rendered = new AtomicReference<>(initialRendered);
        self.initExporter(exporter.name());
        exporter.initialTargets().forEach(t -> self.initTarget(exporter.name(), t));
    }

    /**
     * A runner for a reconfigured exporter that takes over {@code previous}'s last good data, target health and
     * start time, so that a reload neither blanks {@code /metrics} nor makes {@code /-/ready} wait. Its first
     * refresh replaces them as usual.
     */
    public static ExporterRunner replacing(
            ExporterRunner previous, Exporter exporter, SelfMetrics self, Clock clock, int maxSeries) {
        return new ExporterRunner(
                exporter, self, clock, maxSeries, previous.startedAt, previous.state(), previous.rendered.get());
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

    /** When the runner (or the runner it replaced) started: the data age of a target that never had data. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When the last refresh started, if one did. */
    public Optional<Instant> lastAttempt() {
        return lastAttempt;
    }

    /** One refresh: never throws; a failure is logged once per change of reason, counted, and degrades. */
    public void refreshOnce() {
        long start = System.nanoTime();
        lastAttempt = Optional.of(clock.instant());
        ExporterState before = state.get();
        try {
            RefreshResult result = exporter.refresh();
            MetricSnapshots capped = cap(result.data());
            // Rendered here, on the refresh thread, so that no scrape pays for it.
            rendered.set(RenderedSnapshot.render(capped));
            Instant now = clock.instant();
            List<TargetStatus> statuses =
                    result.targets().isEmpty() ? List.of(implicitTarget(result)) : result.targets();
            ExporterState after =
                    before.succeeded(capped, now, result.dataTimestamp(), book.update(before, statuses, now));
            state.set(after);
            logPartialFailures(result);
            // Only a refresh in which every target worked is a recovery: one that kept serving while a target
            // failed is not (that logged "recovered" in the same millisecond as the failure).
            if (before.attempted() && !before.up() && after.up()) {
                log.info("exporter={} recovered", exporter.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            // Errors too: one escaping a scheduled task cancels all its later runs, so the exporter would stop
            // for good while still reporting up (and /-/ready would wait for it forever).
            String reason = FailureReason.of(e);
            List<TargetStatus> statuses =
                    e instanceof ExporterException x && !x.targets().isEmpty()
                            ? x.targets()
                            : TargetBook.allFailed(before, exporter.defaultTarget(), reason);
            ExporterState after = before.failed(reason, book.update(before, statuses, clock.instant()));
            state.set(expireIfStale(after));
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

    /** The status of an exporter without targets of its own: up unless a part failed. */
    private TargetStatus implicitTarget(RefreshResult result) {
        return new TargetStatus(
                exporter.defaultTarget(),
                result.partialFailures().stream()
                        .map(RefreshResult.PartialFailure::reason)
                        .toList(),
                Optional.of(result.dataTimestamp()));
    }

    /** Drops the last good data once it is older than max staleness, saying so once: nothing vanishes silently. */
    private ExporterState expireIfStale(ExporterState s) {
        if (s.lastGood().isEmpty() || fresh(s)) {
            return s;
        }
        long series = 0;
        for (MetricSnapshot m : s.lastGood().get()) {
            series += m.getDataPoints().size();
        }
        self.seriesExpired(exporter.name(), series);
        log.warn(
                "exporter={} last good data from {} is older than max_staleness {}: dropped {} series; the exporter"
                        + " stays down until a refresh works",
                exporter.name(),
                s.lastSuccess().map(Instant::toString).orElse("?"),
                exporter.maxStaleness(),
                series);
        rendered.set(RenderedSnapshot.EMPTY);
        return s.expired();
    }

    private void logPartialFailures(RefreshResult result) {
        Set<String> reasons = new HashSet<>();
        for (RefreshResult.PartialFailure p : result.partialFailures()) {
            reasons.add(p.reason());
            if (lastPartialReasons.contains(p.reason())) {
                log.debug("exporter={} partial failure again reason={}: {}", exporter.name(), p.reason(), p.message());
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
