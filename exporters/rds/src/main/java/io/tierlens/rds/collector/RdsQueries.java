package io.tierlens.rds.collector;

import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.FreshnessClass;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.FreshnessSettings;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.RdsInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudWatch queries an RDS inventory implies, each tied to the series it feeds. The same code answers the
 * offline plan ({@link #sizedInventory}): what runs is what was planned.
 */
public final class RdsQueries {
    public static final String NAMESPACE = "AWS/RDS";

    /**
     * States in which an instance publishes no metrics (it is being built, torn down or is stopped): its status is
     * reported, its CloudWatch queries are not paid for.
     */
    public static final Set<String> NO_METRICS_STATUSES = Set.of("creating", "deleting", "stopped", "stopping");

    private final RdsConfig config;
    private final Duration period;

    /** Queries with the default freshness settings. */
    public RdsQueries(Duration period) {
        this(RdsConfig.defaults(), period);
    }

    public RdsQueries(RdsConfig config, Duration period) {
        this.config = config;
        this.period = period;
    }

    /**
     * The class a series has unless {@code classes:} says otherwise; empty for opt-in series. Alerting: what the RDS
     * alerts read (CPU average, connections, free storage, replica lag). Opt-in: the latency maxima, which no
     * shipped dashboard panel or alert reads.
     */
    public static Optional<FreshnessClass> defaultClass(RdsSeries s) {
        return switch (s) {
            case CPU_AVERAGE, CONNECTIONS, FREE_STORAGE, REPLICA_LAG -> Optional.of(FreshnessClass.ALERTING);
            case READ_LATENCY_MAX, WRITE_LATENCY_MAX -> Optional.empty();
            default -> Optional.of(FreshnessClass.TREND);
        };
    }

    private Optional<Freshness> freshness(RdsSeries s) {
        return FreshnessSettings.resolve(
                Optional.ofNullable(config.classes().get(s.configName())),
                defaultClass(s),
                config.alertingInterval(),
                config.trendInterval(),
                period);
    }

    /** Every query with what it feeds, in inventory order. */
    public List<PlannedQuery> plan(RdsInventory inventory) {
        List<PlannedQuery> out = new ArrayList<>();
        for (DbInstance i : inventory.instances()) {
            if (NO_METRICS_STATUSES.contains(i.status())) {
                continue;
            }
            for (RdsSeries s : RdsSeries.values()) {
                Optional<Freshness> f = freshness(s);
                if (s.appliesTo(i, inventory) && f.isPresent()) {
                    out.add(new PlannedQuery(
                            new MetricQuery(
                                    NAMESPACE,
                                    s.cloudWatchName(),
                                    i.dimensions(),
                                    s.statistic(),
                                    period,
                                    false,
                                    f.get()),
                            s,
                            i));
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
    public List<MetricQuery> queries(RdsInventory inventory) {
        LinkedHashSet<MetricQuery> distinct = new LinkedHashSet<>();
        plan(inventory).forEach(p -> distinct.add(p.query()));
        return List.copyOf(distinct);
    }

    /**
     * A stand-in inventory for {@code tierlens plan --offline}: available, standalone MySQL instances on gp3, the
     * common case. A read replica adds one query (ReplicaLag), gp2 storage one more (BurstBalance).
     */
    public static RdsInventory sizedInventory(int instances) {
        List<DbInstance> out = new ArrayList<>(instances);
        for (int i = 0; i < instances; i++) {
            String id = String.format(Locale.ROOT, "planned-db-%05d", i);
            out.add(new DbInstance(
                    id,
                    "arn:aws:rds:planned:000000000000:db:" + id,
                    "mysql",
                    "8.0",
                    "db.r6g.large",
                    "available",
                    true,
                    "gp3",
                    100,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of(),
                    Optional.empty()));
        }
        return new RdsInventory(out, List.of(), Map.of(), Map.of(), Instant.EPOCH);
    }

    /** One query and what it feeds. */
    public record PlannedQuery(MetricQuery query, RdsSeries series, DbInstance instance) {}
}
