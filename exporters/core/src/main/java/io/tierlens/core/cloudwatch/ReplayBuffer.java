package io.tierlens.core.cloudwatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One query's fetched datapoints waiting to be served, oldest first, and where serving stands. Not thread-safe:
 * the planner uses it under the lock of the query's (account, region).
 */
final class ReplayBuffer {
    private final MetricQuery query;
    private final ReplaySchedule schedule;
    private final TreeMap<Instant, Double> pending = new TreeMap<>();
    private Instant fetchedUntil;
    private Instant lastServedStart;
    private Optional<MetricValue> lastServed = Optional.empty();
    private Instant lastSubmitted;

    ReplayBuffer(MetricQuery query, ReplaySchedule schedule) {
        this.query = query;
        this.schedule = schedule;
    }

    ReplaySchedule schedule() {
        return schedule;
    }

    /** True when the period to serve at {@code now} has not been fetched yet. */
    boolean due(Instant now) {
        Instant servedEnd = schedule.servedPeriodStart(now).plus(query.period());
        return fetchedUntil == null || servedEnd.isAfter(fetchedUntil);
    }

    void submitted(Instant now) {
        lastSubmitted = now;
    }

    Instant lastSubmitted() {
        return lastSubmitted;
    }

    /**
     * Takes the datapoints of a fetch over {@code [start, end)}. A newer fetch overwrites a period not yet served
     * (CloudWatch revises the newest minutes until they settle); periods already served are left alone, so a
     * revision after serving never changes what Prometheus saw.
     */
    void accept(List<CloudWatchApi.Datapoint> points, Instant start, Instant end) {
        for (CloudWatchApi.Datapoint p : points) {
            Instant t = p.timestamp();
            boolean inside = !t.isBefore(start) && t.isBefore(end);
            boolean served = lastServedStart != null && !t.isAfter(lastServedStart);
            if (inside && !served) {
                pending.put(t, p.value());
            }
        }
        if (query.zeroWhenMissing()) {
            // An ELB counter omitted in a fetched, settled period is 0; a period revised later still overwrites it.
            for (Instant t = start; t.isBefore(end); t = t.plus(query.period())) {
                if (lastServedStart == null || t.isAfter(lastServedStart)) {
                    pending.putIfAbsent(t, Double.NaN);
                }
            }
        }
        fetchedUntil = fetchedUntil == null || end.isAfter(fetchedUntil) ? end : fetchedUntil;
    }

    /**
     * The value to serve at {@code now}: the next period after the last one served. That is the scheduled period
     * (constant lag); when a late refresh left serving one period behind, the missed period is served first rather
     * than skipped. Further behind (an outage) serving jumps to the scheduled period: the rest is out of range.
     */
    Optional<MetricValue> serve(Instant now) {
        Instant scheduled = schedule.servedPeriodStart(now);
        if (lastServedStart != null && !lastServedStart.isBefore(scheduled)) {
            return lastServed;
        }
        Instant next = scheduled;
        if (lastServedStart != null) {
            Instant following = lastServedStart.plus(query.period());
            if (following.equals(scheduled.minus(query.period())) && following.isBefore(fetchedUntil)) {
                next = following;
            }
        }
        if (fetchedUntil == null || !next.isBefore(fetchedUntil)) {
            return lastServed; // not fetched (the fetch failed): keep what was served
        }
        lastServedStart = next;
        Double v = pending.get(next);
        Map.Entry<Instant, Double> older = pending.floorEntry(next);
        pending.headMap(next, true).clear();
        if (v == null) {
            lastServed = olderGaugeValue(older, next);
        } else if (v.isNaN()) {
            lastServed = Optional.of(new MetricValue(0, next, query.period(), true));
        } else {
            lastServed = Optional.of(new MetricValue(v, next, query.period(), false));
        }
        return lastServed;
    }

    /**
     * A gauge missing its period keeps its newest value of the last {@code lookbackPeriods} (its age shows in the
     * value's period); ELB counters never get here, their missing periods are 0.
     */
    private Optional<MetricValue> olderGaugeValue(Map.Entry<Instant, Double> older, Instant next) {
        Instant oldest = next.minus(query.period().multipliedBy(schedule.lookbackPeriods()));
        if (older != null && !older.getValue().isNaN() && !older.getKey().isBefore(oldest)) {
            return Optional.of(new MetricValue(older.getValue(), older.getKey(), query.period(), false));
        }
        return lastServed.filter(v -> !v.filledZero() && !v.periodStart().isBefore(oldest));
    }
}
