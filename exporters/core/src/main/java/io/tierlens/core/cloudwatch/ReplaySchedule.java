package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * When a query is fetched and which period is served, as pure arithmetic on the clock.
 *
 * <p>A query with period {@code p} fetched every {@code F} (a multiple of {@code p}) with settle delay {@code s}:
 *
 * <ul>
 *   <li>fetches end on {@code floor_F(now − s)}: aligned to multiples of {@code F} since the epoch, so every query
 *       of a class is due in the same refresh and they share calls;
 *   <li>the served period ends on {@code floor_p(now − s) − F + p}, which is never after the newest fetched end,
 *       so the served lag ({@code now} minus the served period's end) stays within {@code [s + F − p, s + F)} —
 *       a constant lag, independent of when in the interval the fetch happened;
 *   <li>each fetch asks for {@code [end − F − (lookback − 1)·p, end)}: every period since the previous fetch plus
 *       some lookback. GetMetricData bills per metric, not per datapoint, so the extra periods are free and let a
 *       refetch revise periods not yet served and fill a short gap.
 * </ul>
 *
 * Because the served period is a function of the clock only, a restarted exporter continues where the old one
 * stopped: it serves neither a period twice nor skips one (beyond the periods of its own downtime).
 */
public record ReplaySchedule(Duration period, Duration interval, Duration settle, int lookbackPeriods) {

    public static ReplaySchedule of(MetricQuery q, Duration settle, int lookbackPeriods) {
        return new ReplaySchedule(q.period(), q.freshness().interval(), settle, lookbackPeriods);
    }

    /** End of the window a fetch at {@code now} asks for. */
    public Instant fetchEnd(Instant now) {
        return floor(now.minus(settle), interval);
    }

    /** Start of the window a fetch at {@code now} asks for. */
    public Instant fetchStart(Instant now) {
        return fetchEnd(now).minus(interval).minus(period.multipliedBy(Math.max(0, lookbackPeriods - 1)));
    }

    /** Start of the period served at {@code now}. */
    public Instant servedPeriodStart(Instant now) {
        return floor(now.minus(settle), period).minus(interval);
    }

    /** Fewest seconds between a period's end and the moment it is first served. */
    public Duration minLag() {
        return settle.plus(interval).minus(period);
    }

    /** The lag never reaches this (the served period changes once per period). */
    public Duration maxLag() {
        return settle.plus(interval);
    }

    /** Fetches per 30-day month: what one query costs is this times $0.00001. */
    public double fetchesPerMonth() {
        return PlannedCalls.refreshesPerMonth(interval);
    }

    static Instant floor(Instant t, Duration step) {
        long ms = step.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }
}
