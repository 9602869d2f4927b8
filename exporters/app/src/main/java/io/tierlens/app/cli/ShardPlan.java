package io.tierlens.app.cli;

import io.tierlens.app.scale.ShardAssignment;
import io.tierlens.app.scale.WorkScope;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.PlannedCalls;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.config.ExporterSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code tierlens plan --shards N}: each shard's CloudWatch load — targets, queries, GetMetricData calls per round,
 * the call rate it needs, and USD per month — and a warning for every shard whose rate exceeds the GetMetricData
 * budget (the process's token bucket for the operation, {@code aws.operation_requests_per_second.GetMetricData},
 * else {@code aws.requests_per_second}; {@code --gmd-tps-budget} overrides it).
 */
final class ShardPlan {
    static final String GET_METRIC_DATA = "GetMetricData";

    private final int shards;
    private final int maxPerCall;
    private final Map<String, ExporterSettings> exporters;
    private final List<Shard> rows = new ArrayList<>();
    /** Placement does not depend on the index: any shard's scope answers who owns what. */
    private final WorkScope placement;

    ShardPlan(int shards, int maxPerCall, Map<String, ExporterSettings> exporters) {
        this.shards = shards;
        this.maxPerCall = maxPerCall;
        this.exporters = exporters;
        this.placement = new WorkScope(shards, 0);
        for (int i = 0; i < shards; i++) {
            rows.add(new Shard(i));
        }
    }

    /** The process's GetMetricData rate limit: what one shard can send per second. */
    static double budget(AwsConfig aws) {
        return aws.operationRequestsPerSecond().getOrDefault(GET_METRIC_DATA, aws.requestsPerSecond());
    }

    /** Adds one target's queries, each exporter's to the shard that runs it for this target. */
    void add(AwsTarget target, Map<String, List<MetricQuery>> byExporter) {
        Map<Integer, List<MetricQuery>> byShard = new TreeMap<>();
        int targetShard = ShardAssignment.shardOf(ShardAssignment.awsKey(target), shards);
        for (Map.Entry<String, List<MetricQuery>> e : byExporter.entrySet()) {
            Optional<Integer> owner = placement.ownerOf(e.getKey(), exporters.get(e.getKey()));
            byShard.computeIfAbsent(owner.orElse(targetShard), s -> new ArrayList<>())
                    .addAll(e.getValue());
        }
        rows.get(targetShard).targets++;
        // The planner packs per (account, region), so each shard's calls are the sum over its targets.
        byShard.forEach((s, qs) -> rows.get(s).add(PlannedCalls.pack(qs, maxPerCall)));
    }

    /** Prints the table and the warnings; returns how many shards exceed the budget. */
    int print(PrintWriter out, double budget, Duration shortestInterval) {
        out.printf(
                "%-6s %8s %9s %12s %13s %14s %12s  %s%n",
                "shard",
                "targets",
                "queries",
                "calls/round",
                "GMD calls/s",
                "round s@budget",
                "USD/month",
                "runs also");
        int over = 0;
        double usd = 0;
        List<String> warnings = new ArrayList<>();
        for (Shard s : rows) {
            double perSecond = s.callsPerMonth / Duration.ofDays(30).toSeconds();
            double roundSeconds = s.callsPerRound / budget;
            out.printf(
                    "%-6d %8d %9d %12d %13.3f %14.1f %12.2f  %s%n",
                    s.index, s.targets, s.queries, s.callsPerRound, perSecond, roundSeconds, s.usd, also(s.index));
            usd += s.usd;
            if (perSecond > budget || roundSeconds > shortestInterval.toSeconds()) {
                over++;
                warnings.add(String.format(
                        "WARNING: shard %d needs %.2f GetMetricData calls/s on average and %.0f s to send its"
                                + " biggest round, over its budget of %.2f calls/s (one round every %d s): add"
                                + " shards, or raise aws.operation_requests_per_second.GetMetricData (AWS allows"
                                + " 50/s per account and region by default)",
                        s.index, perSecond, roundSeconds, budget, shortestInterval.toSeconds()));
            }
        }
        out.printf(
                "total over %d shard(s): %.2f USD per 30-day month; GetMetricData budget %.2f calls/s per shard%n",
                shards, usd, budget);
        warnings.forEach(out::println);
        return over;
    }

    private String also(int shard) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ExporterSettings> e : new TreeMap<>(exporters).entrySet()) {
            if (!e.getValue().enabled()) {
                continue;
            }
            Optional<Integer> owner = placement.ownerOf(e.getKey(), e.getValue());
            if (owner.isPresent() && owner.get() == shard) {
                names.add(e.getKey());
            }
        }
        return names.isEmpty() ? "-" : String.join(",", names);
    }

    /** One shard's sums. */
    private static final class Shard {
        final int index;
        int targets;
        int queries;
        int callsPerRound;
        double callsPerMonth;
        double usd;

        Shard(int index) {
            this.index = index;
        }

        void add(PlannedCalls p) {
            queries += p.distinctQueries();
            callsPerRound += p.calls().size();
            callsPerMonth += p.callsPerMonth();
            usd += p.usdPerMonth();
        }
    }
}
