package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one successful refresh produced.
 *
 * @param data the metric families to serve
 * @param dataTimestamp when the newest data point in {@code data} was measured (the end of the newest complete
 *     CloudWatch period, or the time of a direct read); {@code tierlens_data_age_seconds} is derived from it
 * @param partialFailures bounded reasons for parts that failed while the rest succeeded (for example
 *     {@code access_denied} on one optional operation); each is counted in {@code tierlens_refresh_errors_total}
 */
public record RefreshResult(MetricSnapshots data, Instant dataTimestamp, List<PartialFailure> partialFailures) {

    public RefreshResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataTimestamp, "dataTimestamp");
        partialFailures = List.copyOf(partialFailures);
    }

    public static RefreshResult of(MetricSnapshots data, Instant dataTimestamp) {
        return new RefreshResult(data, dataTimestamp, List.of());
    }

    /** A part of a refresh that failed; {@code message} is logged, {@code reason} becomes a label value. */
    public record PartialFailure(String reason, String message) {}
}
