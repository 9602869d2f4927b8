package io.tierlens.alb.collector;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.FreshnessClass;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.FreshnessSettings;
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

    /** Whether CloudWatch values are exported with CloudWatch's own timestamps ({@code timestamps: true}). */
    public boolean timestamps() {
        return config.timestamps();
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
        Optional<String> override = Optional.ofNullable(config.classes().get(s.configName()));
        freshness(override, defaultClass(s))
                .ifPresent(f -> out.add(
                        new PlannedQuery(query(s, dims, a.statistic(), f), s, statisticLabel(a.statistic()), lb, tg)));
        if (a == Aggregation.LATENCY) {
            // Maximum is what an operator compares with a timeout; it is as cheap as the Average.
            freshness(override, defaultClass(s))
                    .ifPresent(f -> out.add(new PlannedQuery(query(s, dims, "Maximum", f), s, "maximum", lb, tg)));
            List<String> percentiles = tg.isPresent() ? config.targetGroupPercentiles() : config.percentiles();
            for (String p : percentiles) {
                // The load balancer's p99 feeds the latency SLO and the overview's latency panel, so it is fresh;
                // other percentiles and every target-group percentile only feed dashboards: trend.
                boolean slo = p.equals("p99") && tg.isEmpty();
                Optional<FreshnessClass> cls = Optional.of(slo ? FreshnessClass.ALERTING : FreshnessClass.TREND);
                freshness(override, cls)
                        .ifPresent(f -> out.add(new PlannedQuery(query(s, dims, p, f), s, statisticLabel(p), lb, tg)));
            }
        }
    }

    /**
     * The class a series has unless {@code classes:} says otherwise; empty for opt-in series. Alerting: what the
     * ALB alerts and SLO rules read within minutes (request and 5xx counts per load balancer, unhealthy targets).
     * Opt-in: target-group 2xx/3xx/4xx, which no shipped dashboard panel or alert reads.
     */
    public static Optional<FreshnessClass> defaultClass(AlbSeries s) {
        return switch (s) {
            case LB_REQUESTS, LB_ELB_5XX, LB_TARGET_5XX, TG_UNHEALTHY_HOSTS -> Optional.of(FreshnessClass.ALERTING);
            case TG_TARGET_2XX, TG_TARGET_3XX, TG_TARGET_4XX -> Optional.empty();
            default -> Optional.of(FreshnessClass.TREND);
        };
    }

    private Optional<Freshness> freshness(Optional<String> override, Optional<FreshnessClass> cls) {
        return FreshnessSettings.resolve(override, cls, config.alertingInterval(), config.trendInterval(), period);
    }

    private MetricQuery query(AlbSeries s, Map<String, String> dims, String statistic, Freshness f) {
        return new MetricQuery(
                NAMESPACE,
                s.cloudWatchName(),
                dims,
                statistic,
                period,
                s.aggregation().zeroWhenMissing(),
                f);
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
