package io.tierlens.core.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one refresh produced.
 *
 * @param data the metric families to serve
 * @param dataTimestamp when the newest data point in {@code data} was measured (the end of the newest complete
 *     CloudWatch period, or the time of a direct read)
 * @param partialFailures bounded reasons for parts that failed while the rest succeeded (for example
 *     {@code access_denied} on one optional operation); logged, and counted in
 *     {@code tierlens_refresh_errors_total} when {@code targets} is empty
 * @param targets how each target fared ({@code tierlens_target_up}, {@code tierlens_data_age_seconds{target}},
 *     {@code tierlens_refresh_errors_total{target}}); empty for an exporter with one implicit target, which is then
 *     up when there is no partial failure
 */
public record RefreshResult(
        MetricSnapshots data, Instant dataTimestamp, List<PartialFailure> partialFailures, List<TargetStatus> targets) {

    public RefreshResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataTimestamp, "dataTimestamp");
        partialFailures = List.copyOf(partialFailures);
        targets = List.copyOf(targets);
    }

    /** A result of an exporter with a single implicit target (named by {@link Exporter#defaultTarget()}). */
    public RefreshResult(MetricSnapshots data, Instant dataTimestamp, List<PartialFailure> partialFailures) {
        this(data, dataTimestamp, partialFailures, List.of());
    }

    public static RefreshResult of(MetricSnapshots data, Instant dataTimestamp) {
        return new RefreshResult(data, dataTimestamp, List.of(), List.of());
    }

    /** A part of a refresh that failed; {@code message} is logged, {@code reason} becomes a label value. */
    public record PartialFailure(String reason, String message) {}
}
