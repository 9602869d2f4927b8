package io.tierlens.dr.client;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import java.time.Duration;
import java.util.Optional;

/** ARM answered 429: how long it asked us to wait ({@code Retry-After}), when it said. */
public final class ArmThrottledException extends ExporterException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Duration> retryAfter;

    public ArmThrottledException(String message, Optional<Duration> retryAfter) {
        super(FailureReason.THROTTLED, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
