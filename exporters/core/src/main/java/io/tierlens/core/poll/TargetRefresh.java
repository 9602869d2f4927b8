package io.tierlens.core.poll;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The refresh of an exporter that watches every target of the environment: poll each target, then serve what
 * each target has. Targets fail independently: a failing target keeps its last data and its failures become the
 * refresh's partial failures ({@code tierlens_refresh_errors_total{reason}}). Only when every target failed
 * totally ({@link PollOutcome#totalFailure()}) does the refresh throw, with the first failure's reason and safe
 * message, so the runner keeps the last good snapshot and reports {@code tierlens_exporter_up} 0.
 *
 * @param <T> the exporter's per-target state: its poller and the parts it reads metrics from
 */
public final class TargetRefresh<T> {
    private final String exporter;
    private final List<T> targets;
    private final Function<? super T, ? extends PolledTarget> poller;
    private final Clock clock;
    private final SelfMetrics self;

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
        Optional<PollOutcome> firstTotal = Optional.empty();
        int totalFailures = 0;
        for (T t : targets) {
            PollOutcome o = poller.apply(t).poll();
            partial.addAll(o.partialFailures());
            if (o.totalFailure()) {
                totalFailures++;
                if (firstTotal.isEmpty()) {
                    firstTotal = Optional.of(o);
                }
            }
        }
        if (!targets.isEmpty() && totalFailures == targets.size()) {
            // Nothing worked anywhere: let the runner keep the last good snapshot and count the reason.
            throw firstTotal.get().toException(targets.size() > 1 ? "every target failed, the first: " : "");
        }

        Instant now = clock.instant();
        SnapshotAssembler out = new SnapshotAssembler();
        DataTime times = new DataTime();
        for (T t : targets) {
            PolledTarget p = poller.apply(t);
            if (p.servable(now)) {
                contributor.addTo(out, t, now);
                p.addDataTimes(times, now);
            }
        }
        if (out.duplicates() > 0) {
            self.seriesDropped(exporter, out.duplicates());
        }
        return new RefreshResult(out.build(), times.resolve(now), partial);
    }
}
