package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Immutable view of one exporter at a moment: the last good data and what happened since. Swapped
 * atomically by {@link ExporterRunner}; read without locks at scrape time.
 *
 * @param lastGood the snapshot of the last successful refresh, if any (dropped once older than max staleness)
 * @param lastSuccess when that refresh finished
 * @param dataTimestamp when the newest data point of {@code lastGood} was measured
 * @param lastAttemptFailed whether the most recent refresh failed
 * @param attempted whether at least one refresh has finished (successfully or not)
 * @param lastErrorReason bounded reason of the last failure, empty when the last attempt succeeded
 * @param targets every known target's health, in the order the exporter reported them
 */
public record ExporterState(
        Optional<MetricSnapshots> lastGood,
        Optional<Instant> lastSuccess,
        Optional<Instant> dataTimestamp,
        boolean lastAttemptFailed,
        boolean attempted,
        Optional<String> lastErrorReason,
        List<TargetHealth> targets) {

    public ExporterState {
        targets = List.copyOf(targets);
    }

    public static ExporterState initial() {
        return new ExporterState(
                Optional.empty(), Optional.empty(), Optional.empty(), false, false, Optional.empty(), List.of());
    }

    ExporterState succeeded(MetricSnapshots data, Instant finishedAt, Instant dataTime, List<TargetHealth> now) {
        return new ExporterState(
                Optional.of(data), Optional.of(finishedAt), Optional.of(dataTime), false, true, Optional.empty(), now);
    }

    ExporterState failed(String reason, List<TargetHealth> now) {
        return new ExporterState(lastGood, lastSuccess, dataTimestamp, true, true, Optional.of(reason), now);
    }

    /** The same state without its last good data, which is older than max staleness. */
    ExporterState expired() {
        return new ExporterState(
                Optional.empty(), lastSuccess, dataTimestamp, lastAttemptFailed, attempted, lastErrorReason, targets);
    }

    /** Up means: the last refresh succeeded and every target in it refreshed fully. */
    public boolean up() {
        return attempted && !lastAttemptFailed && targets.stream().allMatch(TargetHealth::up);
    }

    public Optional<TargetHealth> target(String key) {
        return targets.stream().filter(t -> t.target().equals(key)).findFirst();
    }

    /**
     * One target's health as of the last refresh.
     *
     * @param up whether it refreshed fully the last time
     * @param reasons why it did not, bounded
     * @param lastSuccess when it last refreshed fully
     * @param dataTimestamp when the newest data served for it was measured; kept after the data expired, so that
     *     its age keeps growing
     */
    public record TargetHealth(
            String target,
            boolean up,
            List<String> reasons,
            Optional<Instant> lastSuccess,
            Optional<Instant> dataTimestamp) {
        public TargetHealth {
            reasons = List.copyOf(reasons);
        }
    }
}
