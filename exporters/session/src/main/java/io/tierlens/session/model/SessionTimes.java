package io.tierlens.session.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The three bookkeeping fields of one session hash, decoded. Nothing else of a session is ever read.
 *
 * @param maxInactiveInterval negative means the session never expires (Spring Session's convention)
 */
public record SessionTimes(Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval) {

    /** When the session expires, or empty if it never does. */
    public Optional<Instant> expiry() {
        return maxInactiveInterval.isNegative()
                ? Optional.empty()
                : Optional.of(lastAccessedTime.plus(maxInactiveInterval));
    }

    /** Expired at {@code now} (the expiry is not after now). */
    public boolean expiredAt(Instant now) {
        return expiry().map(e -> !e.isAfter(now)).orElse(false);
    }

    /** Seconds since creation at {@code now}; 0 for clocks that disagree. */
    public double ageSeconds(Instant now) {
        return Math.max(0, Duration.between(creationTime, now).toMillis() / 1000.0);
    }

    /** Seconds since the last request at {@code now}; 0 for clocks that disagree. */
    public double idleSeconds(Instant now) {
        return Math.max(0, Duration.between(lastAccessedTime, now).toMillis() / 1000.0);
    }
}
