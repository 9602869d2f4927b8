package io.tierlens.core.poll;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh of an exporter that watches every target of the environment: poll each target, then serve what
 * each target has. Targets fail independently: a failing target keeps its last data (until {@code max_staleness},
 * then it is dropped with one WARN and a count in {@code tierlens_series_expired_total}), and every target's
 * outcome becomes a {@link TargetStatus} ({@code tierlens_target_up}, {@code tierlens_refresh_errors_total{target,
 * reason}}, {@code tierlens_data_age_seconds{target}}); any failure makes the target down. Only when every target
 * failed totally ({@link PollOutcome#totalFailure()}) does the refresh throw, with the first failure's reason, a
 * safe message and the statuses, so the runner keeps the last good snapshot.
 *
 * @param <T> the exporter's per-target state: its poller and the parts it reads metrics from
 */
public final class TargetRefresh<T> {
    private static final Logger log = LoggerFactory.getLogger(TargetRefresh.class);

    private final String exporter;
    private final List<T> targets;
    private final Function<? super T, ? extends PolledTarget> poller;
    private final Clock clock;
    private final SelfMetrics self;
    // Series each target served the last time it was servable, to count what goes when it expires.
    private final Map<String, Integer> servedSeries = new HashMap<>();

    /** @param poller the poller of a target */
    public TargetRefresh(
            String exporter,
            List<T> targets,
            Function<? super T, ? extends PolledTarget> poller,
            Clock clock,
            SelfMetrics self) {
        this.exporter = exporter;
        this.targets = List.copyOf(targets);
        this.poller = poller;
        this.clock = clock;
        this.self = self;
    }

    /** The {@code target} label of every target, in order: known from the configuration before any refresh. */
    public List<String> targetKeys() {
        return targets.stream().map(t -> poller.apply(t).target().key()).toList();
    }

    /** How an exporter turns one servable target into metrics. */
    @FunctionalInterface
    public interface Contributor<T> {
        void addTo(SnapshotAssembler out, T target, Instant now);
    }

    public List<T> targets() {
        return targets;
    }

    public RefreshResult refresh(Contributor<T> contributor) throws ExporterException, InterruptedException {
        List<PartialFailure> partial = new ArrayList<>();
        List<PollOutcome> outcomes = new ArrayList<>();
        Optional<PollOutcome> firstTotal = Optional.empty();
        int totalFailures = 0;
        for (T t : targets) {
            PollOutcome o = poller.apply(t).poll();
            outcomes.add(o);
            partial.addAll(o.partialFailures());
            if (o.totalFailure()) {
                totalFailures++;
                if (firstTotal.isEmpty()) {
                    firstTotal = Optional.of(o);
                }
            }
        }

        Instant now = clock.instant();
        SnapshotAssembler out = new SnapshotAssembler();
        DataTime times = new DataTime();
        List<TargetStatus> statuses = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            T t = targets.get(i);
            PolledTarget p = poller.apply(t);
            String key = p.target().key();
            Optional<Instant> served = Optional.empty();
            if (p.servable(now)) {
                int before = out.size();
                contributor.addTo(out, t, now);
                servedSeries.put(key, out.size() - before);
                DataTime own = new DataTime();
                p.addDataTimes(own, now);
                p.addDataTimes(times, now);
                served = Optional.of(own.resolve(now));
            } else {
                expired(key);
            }
            List<String> reasons = outcomes.get(i).failures().stream()
                    .map(PollOutcome.PartFailure::reason)
                    .toList();
            statuses.add(new TargetStatus(key, reasons, served));
        }
        if (!targets.isEmpty() && totalFailures == targets.size()) {
            // Nothing worked anywhere: let the runner keep the last good snapshot and count the reason per target.
            PollOutcome first = firstTotal.get();
            PollOutcome.PartFailure f = first.firstFailure().orElseThrow();
            throw new ExporterException(
                    f.reason(),
                    (targets.size() > 1 ? "every target failed, the first: " : "") + f.message(),
                    f.error().orElse(null),
                    statuses);
        }
        if (out.duplicates() > 0) {
            self.seriesDropped(exporter, out.duplicates());
        }
        return new RefreshResult(out.build(), times.resolve(now), partial, statuses);
    }

    /** A target that served data until now and no longer may: its series go, with one WARN and a count. */
    private void expired(String key) {
        Integer series = servedSeries.remove(key);
        if (series != null) {
            self.seriesExpired(exporter, series);
            log.warn(
                    "exporter={} target={} has had no good data within max_staleness: dropped its {} series; the"
                            + " target stays down until it refreshes again",
                    exporter,
                    key,
                    series);
        }
    }
}
