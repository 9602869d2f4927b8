package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range of one GetMetricData call: {@code [end − periods·period, end)} where {@code end} is
 * {@code now − delay} rounded down to a period boundary. Every period inside is complete (CloudWatch has had
 * {@code delay} to settle it), and the same range is asked for by every call of a refresh, so results line up.
 */
public record QueryWindow(Instant start, Instant end, Duration period) {

    public static QueryWindow at(Instant now, Duration period, Duration delay, int periods) {
        long p = period.toMillis();
        long settled = now.minus(delay).toEpochMilli();
        long end = Math.floorDiv(settled, p) * p;
        return new QueryWindow(Instant.ofEpochMilli(end - periods * p), Instant.ofEpochMilli(end), period);
    }

    /** Start of the newest complete period. */
    public Instant newestPeriodStart() {
        return end.minus(period);
    }
}
