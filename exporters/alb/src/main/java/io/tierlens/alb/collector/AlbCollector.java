package io.tierlens.alb.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one target's inventory, CloudWatch values and target health into the ALB families of METRICS.md.
 * Pure: no I/O, no clock. Every series carries {@code account_id} and {@code region} first.
 */
public final class AlbCollector {
    static final String ALB_INFO = "tierlens_alb_info";
    static final String TARGET_GROUP_INFO = "tierlens_alb_target_group_info";

    private final AlbQueries queries;
    private final TargetGroupHealthCollector health = new TargetGroupHealthCollector();

    public AlbCollector(AlbQueries queries) {
        this.queries = queries;
    }

    /** The families of one target on their own. */
    public MetricSnapshots collect(
            AwsTarget target,
            AlbInventory inventory,
            Map<MetricQuery, MetricValue> values,
            Map<String, List<TargetHealth>> targetHealth) {
        SnapshotAssembler out = new SnapshotAssembler();
        addTo(out, target, inventory, values, targetHealth);
        return out.build();
    }

    /**
     * Adds one target's series to {@code out}, which may already hold other targets' series of the same families.
     *
     * @param values newest complete value per query; queries without a value are left out
     * @param targetHealth target group ARN → its targets; target groups without an entry get no health series
     */
    public void addTo(
            SnapshotAssembler out,
            AwsTarget target,
            AlbInventory inventory,
            Map<MetricQuery, MetricValue> values,
            Map<String, List<TargetHealth>> targetHealth) {
        String account = target.accountId();
        String region = target.region();
        for (LoadBalancer lb : inventory.loadBalancers()) {
            out.info(
                            ALB_INFO,
                            "Application load balancers; ingress is the AWS Load Balancer Controller's Ingress"
                                    + " (namespace/name) or IngressGroup, or empty.",
                            "account_id",
                            "region",
                            "load_balancer",
                            "dns_name",
                            "scheme",
                            "ingress")
                    .addInfo(account, region, lb.name(), lb.dnsName(), lb.scheme(), inventory.ingressOf(lb));
        }
        for (AlbInventory.Route r : inventory.routes()) {
            ServiceRef svc = inventory.serviceOf(r.targetGroup());
            out.info(
                            TARGET_GROUP_INFO,
                            "Target groups per load balancer with the Kubernetes service behind them (empty when"
                                    + " not created by the AWS Load Balancer Controller).",
                            "account_id",
                            "region",
                            "load_balancer",
                            "target_group",
                            "namespace",
                            "service",
                            "port")
                    .addInfo(
                            account,
                            region,
                            r.loadBalancer().name(),
                            r.targetGroup().name(),
                            svc.namespace(),
                            svc.service(),
                            svc.port());
        }
        for (AlbQueries.PlannedQuery p : queries.plan(inventory)) {
            MetricValue v = values.get(p.query());
            if (v != null) {
                addValue(out, account, region, p, v, queries.timestamps());
            }
        }
        health.addTo(out, account, region, inventory, targetHealth);
    }

    private static void addValue(
            SnapshotAssembler out,
            String account,
            String region,
            AlbQueries.PlannedQuery p,
            MetricValue v,
            boolean timestamps) {
        AlbSeries s = p.series();
        AlbSeries.Family f = s.family();
        List<String> names = new ArrayList<>(List.of("account_id", "region", "load_balancer"));
        List<String> labelValues =
                new ArrayList<>(List.of(account, region, p.loadBalancer().name()));
        p.targetGroup().ifPresent(tg -> {
            names.add("target_group");
            labelValues.add(tg.name());
        });
        names.addAll(f.extraLabels());
        labelValues.addAll(s.fixedLabelValues());
        if (s.aggregation() == Aggregation.LATENCY) {
            labelValues.add(p.statistic());
        }
        var family = out.gauge(f.metricName(), f.help(), names.toArray(String[]::new));
        if (timestamps) {
            family.addAt(exported(s.aggregation(), v), v.periodStart(), labelValues.toArray(String[]::new));
        } else {
            family.add(exported(s.aggregation(), v), labelValues.toArray(String[]::new));
        }
    }

    /** Sums of counts become per-second rates; everything else is exported in CloudWatch's unit. */
    static double exported(Aggregation a, MetricValue v) {
        return a == Aggregation.SUM_PER_SECOND ? v.perSecond() : v.value();
    }
}
