package io.tierlens.core.http;

import java.time.Clock;
import java.time.Duration;

/** Web config {@code rate_limit}: one token per {@code interval}, at most {@code burst} saved up. */
final class TokenBucket {
    private final Clock clock;
    private final long intervalNanos;
    private final int burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(Clock clock, Duration interval, int burst) {
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    private long nanos() {
        return Duration.ofMillis(clock.millis()).toNanos();
    }

    synchronized boolean tryTake() {
        long now = nanos();
        tokens = Math.min(burst, tokens + (double) (now - lastNanos) / intervalNanos);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
