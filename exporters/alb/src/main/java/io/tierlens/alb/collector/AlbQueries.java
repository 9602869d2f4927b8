package io.tierlens.alb.collector;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudWatch queries an inventory implies, each tied to the series it feeds. The same code answers the
 * offline plan ({@link #sizedInventory}): what runs is what was planned.
 */
public final class AlbQueries {
    public static final String NAMESPACE = "AWS/ApplicationELB";

    private final AlbConfig config;
    private final Duration period;

    public AlbQueries(AlbConfig config, Duration period) {
        this.config = config;
        this.period = period;
    }

    /** Every query with what it feeds, load balancers first, in a stable order. */
    public List<PlannedQuery> plan(AlbInventory inventory) {
        List<PlannedQuery> out = new ArrayList<>();
        for (LoadBalancer lb : inventory.loadBalancers()) {
            Map<String, String> dims = Map.of("LoadBalancer", lb.dimension());
            for (AlbSeries s : AlbSeries.values()) {
                if (s.scope() == AlbSeries.Scope.LOAD_BALANCER) {
                    addSeries(out, s, dims, lb, Optional.empty());
                }
            }
        }
        if (config.targetGroupMetrics()) {
            for (AlbInventory.Route r : inventory.routes()) {
                Map<String, String> dims = Map.of(
                        "LoadBalancer", r.loadBalancer().dimension(),
                        "TargetGroup", r.targetGroup().dimension());
                for (AlbSeries s : AlbSeries.values()) {
                    if (s.scope() == AlbSeries.Scope.TARGET_GROUP) {
                        addSeries(out, s, dims, r.loadBalancer(), Optional.of(r.targetGroup()));
                    }
                }
            }
        }
        return out;
    }

    /** The distinct queries of {@link #plan}, what is submitted to the CloudWatch planner. */
    public List<MetricQuery> queries(AlbInventory inventory) {
        LinkedHashSet<MetricQuery> distinct = new LinkedHashSet<>();
        plan(inventory).forEach(p -> distinct.add(p.query()));
        return List.copyOf(distinct);
    }

    private void addSeries(
            List<PlannedQuery> out, AlbSeries s, Map<String, String> dims, LoadBalancer lb, Optional<TargetGroup> tg) {
        Aggregation a = s.aggregation();
        out.add(new PlannedQuery(query(s, dims, a.statistic()), s, statisticLabel(a.statistic()), lb, tg));
        if (a == Aggregation.LATENCY) {
            for (String p : config.percentiles()) {
                out.add(new PlannedQuery(query(s, dims, p), s, statisticLabel(p), lb, tg));
            }
        }
    }

    private MetricQuery query(AlbSeries s, Map<String, String> dims, String statistic) {
        return new MetricQuery(
                NAMESPACE,
                s.cloudWatchName(),
                dims,
                statistic,
                period,
                s.aggregation().zeroWhenMissing());
    }

    /** {@code Average} → {@code average}; percentiles keep their CloudWatch spelling ({@code p99}). */
    static String statisticLabel(String statistic) {
        return statistic.toLowerCase(Locale.ROOT);
    }

    /**
     * A stand-in inventory of the given size for {@code tierlens plan --offline}: target groups are spread
     * round-robin over the load balancers (without a load balancer a target group has no metrics).
     */
    public static AlbInventory sizedInventory(int loadBalancers, int targetGroups) {
        List<LoadBalancer> lbs = new ArrayList<>(loadBalancers);
        for (int i = 0; i < loadBalancers; i++) {
            String name = String.format(Locale.ROOT, "planned-alb-%05d", i);
            lbs.add(new LoadBalancer(
                    "arn:aws:elasticloadbalancing:planned:000000000000:loadbalancer/app/" + name + "/" + i,
                    name,
                    "",
                    "internet-facing",
                    "active",
                    Map.of()));
        }
        List<TargetGroup> tgs = new ArrayList<>(targetGroups);
        for (int i = 0; loadBalancers > 0 && i < targetGroups; i++) {
            String name = String.format(Locale.ROOT, "planned-tg-%05d", i);
            tgs.add(new TargetGroup(
                    "arn:aws:elasticloadbalancing:planned:000000000000:targetgroup/" + name + "/" + i,
                    name,
                    List.of(lbs.get(i % loadBalancers).arn()),
                    "HTTP",
                    80,
                    "ip",
                    Map.of()));
        }
        return new AlbInventory(lbs, tgs, List.of(), Map.of(), Map.of(), Instant.EPOCH);
    }

    /**
     * One query and what it feeds.
     *
     * @param statistic the {@code statistic} label for latency families ({@code average}, {@code p99})
     * @param targetGroup present for target group series
     */
    public record PlannedQuery(
            MetricQuery query,
            AlbSeries series,
            String statistic,
            LoadBalancer loadBalancer,
            Optional<TargetGroup> targetGroup) {}
}
