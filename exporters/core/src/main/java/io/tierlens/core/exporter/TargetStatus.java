package io.tierlens.core.exporter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one target of an exporter (an {@code account_id/region}, a Redis {@code host:port}, {@code kubernetes}, ...)
 * fared in one refresh. A target is up only when it refreshed fully: any failure, even of one optional read, makes
 * it down, so that a blind spot always shows as {@code tierlens_target_up} 0 rather than as missing series.
 *
 * @param target bounded key, the {@code target} label; never a secret or a user name
 * @param reasons bounded failure reasons ({@link FailureReason}) of this refresh, empty when it refreshed fully
 * @param dataTimestamp when the newest data now served for this target was measured; empty when nothing is served
 *     for it (never read, or expired at {@code max_staleness})
 */
public record TargetStatus(String target, List<String> reasons, Optional<Instant> dataTimestamp) {

    public TargetStatus {
        Objects.requireNonNull(target, "target");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(dataTimestamp, "dataTimestamp");
    }

    public static TargetStatus ok(String target, Instant dataTimestamp) {
        return new TargetStatus(target, List.of(), Optional.of(dataTimestamp));
    }

    public static TargetStatus failed(String target, List<String> reasons, Optional<Instant> dataTimestamp) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a failed target needs a reason: " + target);
        }
        return new TargetStatus(target, reasons, dataTimestamp);
    }

    public boolean up() {
        return reasons.isEmpty();
    }
}
