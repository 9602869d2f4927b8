package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.Optional;

/**
 * Immutable view of one exporter at a moment: the last good data and what happened since. Swapped
 * atomically by {@link ExporterRunner}; read without locks at scrape time.
 *
 * @param lastGood the snapshot of the last successful refresh, if any
 * @param lastSuccess when that refresh finished
 * @param dataTimestamp when the newest data point of {@code lastGood} was measured
 * @param lastAttemptFailed whether the most recent refresh failed
 * @param attempted whether at least one refresh has finished (successfully or not)
 * @param lastErrorReason bounded reason of the last failure, empty when the last attempt succeeded
 */
public record ExporterState(
        Optional<MetricSnapshots> lastGood,
        Optional<Instant> lastSuccess,
        Optional<Instant> dataTimestamp,
        boolean lastAttemptFailed,
        boolean attempted,
        Optional<String> lastErrorReason) {

    public static ExporterState initial() {
        return new ExporterState(Optional.empty(), Optional.empty(), Optional.empty(), false, false, Optional.empty());
    }

    ExporterState succeeded(MetricSnapshots data, Instant finishedAt, Instant dataTime) {
        return new ExporterState(
                Optional.of(data), Optional.of(finishedAt), Optional.of(dataTime), false, true, Optional.empty());
    }

    ExporterState failed(String reason) {
        return new ExporterState(lastGood, lastSuccess, dataTimestamp, true, true, Optional.of(reason));
    }

    /** Up means: the last refresh succeeded. */
    public boolean up() {
        return attempted && !lastAttemptFailed;
    }
}
