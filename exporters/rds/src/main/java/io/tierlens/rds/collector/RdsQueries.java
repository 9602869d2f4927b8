package io.tierlens.rds.collector;

import io.tierlens.core.cloudwatch.MetricQuery;
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

    private final Duration period;

    public RdsQueries(Duration period) {
        this.period = period;
    }

    /** Every query with what it feeds, in inventory order. */
    public List<PlannedQuery> plan(RdsInventory inventory) {
        List<PlannedQuery> out = new ArrayList<>();
        for (DbInstance i : inventory.instances()) {
            if (NO_METRICS_STATUSES.contains(i.status())) {
                continue;
            }
            for (RdsSeries s : RdsSeries.values()) {
                if (s.appliesTo(i, inventory)) {
                    out.add(new PlannedQuery(
                            new MetricQuery(
                                    NAMESPACE, s.cloudWatchName(), i.dimensions(), s.statistic(), period, false),
                            s,
                            i));
                }
            }
        }
        return out;
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
                    Map.of()));
        }
        return new RdsInventory(out, List.of(), Map.of(), Map.of(), Instant.EPOCH);
    }

    /** One query and what it feeds. */
    public record PlannedQuery(MetricQuery query, RdsSeries series, DbInstance instance) {}
}
