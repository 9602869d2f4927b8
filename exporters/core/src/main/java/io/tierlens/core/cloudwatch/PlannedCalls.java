package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a set of queries for one (account, region) is packed: duplicates removed, grouped by period and fetch
 * interval (one GetMetricData call has one time range), each group cut into calls of at most {@code maxPerCall}.
 * Used both to execute a refresh and by {@code tierlens plan}, so the plan is exactly what runs.
 */
public record PlannedCalls(List<List<MetricQuery>> calls, int distinctQueries) {

    public static PlannedCalls pack(Collection<MetricQuery> queries, int maxPerCall) {
        Set<MetricQuery> distinct = new LinkedHashSet<>(queries);
        Map<List<Duration>, List<MetricQuery>> byPeriod = new LinkedHashMap<>();
        for (MetricQuery q : distinct) {
            byPeriod.computeIfAbsent(List.of(q.period(), q.freshness().interval()), p -> new ArrayList<>())
                    .add(q);
        }
        List<List<MetricQuery>> calls = new ArrayList<>();
        for (List<MetricQuery> group : byPeriod.values()) {
            for (int i = 0; i < group.size(); i += maxPerCall) {
                calls.add(List.copyOf(group.subList(i, Math.min(group.size(), i + maxPerCall))));
            }
        }
        return new PlannedCalls(List.copyOf(calls), distinct.size());
    }

    /** GetMetricData bills per metric requested: $0.01 per 1,000. */
    public static final double USD_PER_METRIC = 0.01 / 1000;

    /** Projected USD for a 30-day month at one refresh every {@code interval}. */
    public double usdPerMonth(Duration interval) {
        return distinctQueries * refreshesPerMonth(interval) * USD_PER_METRIC;
    }

    /** Metrics requested in a 30-day month: each query once per its fetch interval. */
    public double metricsPerMonth() {
        double total = 0;
        for (List<MetricQuery> call : calls) {
            total += call.size() * refreshesPerMonth(call.get(0).freshness().interval());
        }
        return total;
    }

    /** Projected USD for a 30-day month, each query fetched once per its fetch interval. */
    public double usdPerMonth() {
        return metricsPerMonth() * USD_PER_METRIC;
    }

    /** GetMetricData calls in a 30-day month. */
    public double callsPerMonth() {
        double total = 0;
        for (List<MetricQuery> call : calls) {
            total += refreshesPerMonth(call.get(0).freshness().interval());
        }
        return total;
    }

    public static double refreshesPerMonth(Duration interval) {
        return Duration.ofDays(30).toMillis() / (double) interval.toMillis();
    }
}
