package io.tierlens.core.poll;

import java.time.Duration;
import java.time.Instant;

/** A part's last good result and when it was read. */
public record Kept<T>(T value, Instant at) {

    /** Whether it may still be served: read no longer than {@code maxStaleness} before {@code now}. */
    public boolean fresh(Instant now, Duration maxStaleness) {
        return !now.isAfter(at.plus(maxStaleness));
    }
}
