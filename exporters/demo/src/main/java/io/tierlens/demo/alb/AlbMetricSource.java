package io.tierlens.demo.alb;

import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import io.tierlens.demo.alb.SimulatedEstate.SimLoadBalancer;
import io.tierlens.demo.alb.SimulatedEstate.SimTargetGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Simulated {@code AWS/ApplicationELB}: the statistics CloudWatch would return for the estate's load balancers
 * and target groups, computed from {@link SimulatedTraffic}. Counts are whole numbers, and a count that is 0
 * is usually missing altogether, as ELB metrics are when nothing happened.
 */
final class AlbMetricSource implements SimulatedMetricSource {
    private final SimulatedEstate estate;
    private final SimulatedTraffic traffic;

    AlbMetricSource(SimulatedEstate estate, SimulatedTraffic traffic) {
        this.estate = estate;
        this.traffic = traffic;
    }

    @Override
    public String namespace() {
        return AlbQueries.NAMESPACE;
    }

    @Override
    public OptionalDouble value(MetricQuery q, Instant periodStart) {
        Optional<SimLoadBalancer> lb =
                estate.loadBalancerByDimension(q.dimensions().getOrDefault("LoadBalancer", ""));
        if (lb.isEmpty()) {
            return OptionalDouble.empty();
        }
        String tgDimension = q.dimensions().get("TargetGroup");
        List<SimTargetGroup> tgs;
        if (tgDimension == null) {
            tgs = lb.get().targetGroups();
        } else {
            Optional<SimTargetGroup> tg = estate.targetGroupByDimension(tgDimension);
            if (tg.isEmpty()) {
                return OptionalDouble.empty();
            }
            tgs = List.of(tg.get());
        }
        Stats s = stats(lb.get(), tgs, periodStart, q.period());
        String key = q.toString();
        return switch (q.metricName()) {
            case "RequestCount" -> count(s.requests, key, periodStart);
            case "HTTPCode_Target_2XX_Count" -> count(s.requests * (0.965 - s.fiveXxShare), key, periodStart);
            case "HTTPCode_Target_3XX_Count" -> count(s.requests * 0.02, key, periodStart);
            case "HTTPCode_Target_4XX_Count" -> count(s.requests * 0.015, key, periodStart);
            case "HTTPCode_Target_5XX_Count" -> count(s.requests * s.fiveXxShare, key, periodStart);
            case "HTTPCode_ELB_3XX_Count" -> count(s.requests * 0.04, key, periodStart);
            case "HTTPCode_ELB_4XX_Count" -> count(s.requests * 0.002, key, periodStart);
            case "HTTPCode_ELB_5XX_Count" ->
                count(traffic.burst(periodStart) ? s.requests * 0.01 : 0, key, periodStart);
            case "TargetResponseTime" ->
                s.requests < 1 ? OptionalDouble.empty() : OptionalDouble.of(latency(s.responseTime, q.statistic()));
            case "ActiveConnectionCount" -> count(s.requests * 0.35, key, periodStart);
            case "NewConnectionCount" -> count(s.requests * 0.2, key, periodStart);
            case "RejectedConnectionCount" -> count(0, key, periodStart);
            case "TargetConnectionErrorCount" ->
                count(traffic.burst(periodStart) ? s.requests * 0.002 : 0, key, periodStart);
            case "ClientTLSNegotiationErrorCount" -> count(s.requests * 0.0005, key, periodStart);
            case "ProcessedBytes" -> count(s.requests * 14_000, key, periodStart);
            case "ConsumedLCUs" -> OptionalDouble.of(lcus(s.requests, q.period()));
            case "HealthyHostCount" -> OptionalDouble.of(s.targets - s.unhealthy);
            case "UnHealthyHostCount" -> OptionalDouble.of(s.unhealthy);
            default -> OptionalDouble.empty();
        };
    }

    private Stats stats(SimLoadBalancer lb, List<SimTargetGroup> tgs, Instant at, Duration period) {
        double requests = 0;
        double fiveXx = 0;
        double latencyWeighted = 0;
        int targets = 0;
        int unhealthy = 0;
        for (SimTargetGroup tg : tgs) {
            double r = traffic.requests(lb, tg, at, period);
            requests += r;
            fiveXx += r * traffic.fiveXxShare(tg, at);
            latencyWeighted += r * traffic.responseTime(tg, at);
            targets += tg.targets();
            unhealthy += traffic.unhealthyTargets(tg, at);
        }
        double share = requests > 0 ? fiveXx / requests : 0;
        double latency = requests > 0 ? latencyWeighted / requests : 0;
        return new Stats(requests, share, latency, targets, unhealthy);
    }

    /** Whole counts; a zero is mostly omitted, sometimes reported, as CloudWatch does for ELB counters. */
    private static OptionalDouble count(double value, String key, Instant at) {
        long n = Math.round(value);
        if (n == 0 && Scenario.noise(key, at.getEpochSecond()) < 0.8) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n);
    }

    /** Percentiles from the average by the ratios of a typical long-tailed web latency distribution. */
    static double latency(double average, String statistic) {
        double factor = switch (statistic) {
            case "p50" -> 0.75;
            case "p90" -> 1.8;
            case "p95" -> 2.4;
            case "p99" -> 3.6;
            case "p99.9" -> 6.0;
            default -> 1.0;
        };
        return average * factor;
    }

    /** The largest LCU dimension: new connections (25/s), active connections (3,000/min), bytes (1 GB/h). */
    private static double lcus(double requests, Duration period) {
        double seconds = period.toSeconds();
        double newPerSecond = requests * 0.2 / seconds;
        double activePerMinute = requests * 0.35 * 60 / seconds;
        double gbPerHour = requests * 14_000 / seconds * 3600 / 1e9;
        return Math.max(0.1, Math.max(newPerSecond / 25, Math.max(activePerMinute / 3000, gbPerHour)));
    }

    private record Stats(double requests, double fiveXxShare, double responseTime, int targets, int unhealthy) {}
}
