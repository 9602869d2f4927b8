package io.tierlens.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's story, driven by a scenario clock that runs {@code speed} times faster than real time. Production
 * code keeps the real clock; only simulations ask the scenario what the simulated world looks like at a
 * real instant. The story repeats every {@link #CYCLE}:
 *
 * <ul>
 *   <li>traffic follows a wave with a period of 20 scenario minutes ({@link #traffic});
 *   <li>from minute 8 to 14 of every cycle the WAS tier answers part of its requests with 5xx ({@link #errorBurst});
 *   <li>exporters add their own events (a failed backup, a failover drill, a spot interruption) at fixed
 *       scenario times documented in {@code docs/demo.md}.
 * </ul>
 *
 * @param realStart real instant the scenario started
 * @param speed scenario seconds per real second
 * @param scale size of the simulated estate (number of ALBs; other resources scale from it)
 */
public record Scenario(Clock realClock, Instant realStart, double speed, int scale) {
    public static final Duration CYCLE = Duration.ofMinutes(30);
    public static final Duration ERROR_BURST_START = Duration.ofMinutes(8);
    public static final Duration ERROR_BURST_END = Duration.ofMinutes(14);

    public Scenario {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
    }

    public static Scenario startingNow(Clock clock, double speed, int scale) {
        return new Scenario(clock, clock.instant(), speed, scale);
    }

    /** Scenario time elapsed at real instant {@code at}; negative before the start is clamped to 0. */
    public Duration elapsedAt(Instant at) {
        long realMs = Math.max(0, Duration.between(realStart, at).toMillis());
        return Duration.ofMillis((long) (realMs * speed));
    }

    public Duration elapsed() {
        return elapsedAt(realClock.instant());
    }

    /** Position inside the repeating cycle at real instant {@code at}. */
    public Duration inCycle(Instant at) {
        return Duration.ofMillis(elapsedAt(at).toMillis() % CYCLE.toMillis());
    }

    /** Traffic level between 0.2 and 1.0: a 20-minute wave, so dashboards show daily-like shapes quickly. */
    public double traffic(Instant at) {
        double minutes = elapsedAt(at).toMillis() / 60_000.0;
        return 0.6 + 0.4 * Math.sin(2 * Math.PI * minutes / 20.0);
    }

    /** Whether the WAS tier is in its 5xx burst at real instant {@code at}. */
    public boolean errorBurst(Instant at) {
        Duration c = inCycle(at);
        return c.compareTo(ERROR_BURST_START) >= 0 && c.compareTo(ERROR_BURST_END) < 0;
    }

    /** A stable pseudo-random number in [0, 1) for a key and a time bucket: noise that repeats across runs. */
    public static double noise(String key, long bucket) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L + bucket * 0xC2B2AE3D27D4EB4FL;
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return (h >>> 11) / (double) (1L << 53);
    }
}
