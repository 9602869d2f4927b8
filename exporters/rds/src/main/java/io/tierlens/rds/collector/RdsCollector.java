package io.tierlens.rds.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.PendingMaintenance;
import io.tierlens.rds.model.RdsInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one target's inventory and CloudWatch values into the RDS families of METRICS.md. Pure: no I/O, no
 * clock. Every series carries {@code account_id} and {@code region} first.
 */
public final class RdsCollector {
    static final String INSTANCE_INFO = "tierlens_rds_instance_info";
    static final String INSTANCE_STATUS = "tierlens_rds_instance_status";
    static final String ALLOCATED_STORAGE = "tierlens_rds_allocated_storage_bytes";
    static final String MAX_ALLOCATED_STORAGE = "tierlens_rds_max_allocated_storage_bytes";
    static final String MAX_CONNECTIONS = "tierlens_rds_max_connections";
    static final String MAX_CONNECTIONS_INFO = "tierlens_rds_max_connections_source_info";
    static final String PENDING_MAINTENANCE = "tierlens_rds_pending_maintenance_actions";
    static final String PENDING_MAINTENANCE_APPLY = "tierlens_rds_pending_maintenance_apply_timestamp_seconds";
    static final String CA_EXPIRY = "tierlens_rds_ca_certificate_expiry_timestamp_seconds";
    static final String CLUSTER_INFO = "tierlens_rds_cluster_info";
    static final String CLUSTER_INSTANCES = "tierlens_rds_cluster_instances";
    static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private final RdsQueries queries;

    public RdsCollector(RdsQueries queries) {
        this.queries = queries;
    }

    /** The families of one target on their own. */
    public MetricSnapshots collect(AwsTarget target, RdsInventory inventory, Map<MetricQuery, MetricValue> values) {
        SnapshotAssembler out = new SnapshotAssembler();
        addTo(out, target, inventory, values);
        return out.build();
    }

    /** Adds one target's series to {@code out}, which may already hold other targets' series. */
    public void addTo(
            SnapshotAssembler out, AwsTarget target, RdsInventory inventory, Map<MetricQuery, MetricValue> values) {
        String account = target.accountId();
        String region = target.region();
        for (DbInstance i : inventory.instances()) {
            instanceSeries(out, account, region, inventory, i);
        }
        for (DbCluster c : inventory.clusters()) {
            clusterSeries(out, account, region, c);
        }
        for (RdsQueries.PlannedQuery p : queries.plan(inventory)) {
            MetricValue v = values.get(p.query());
            if (v == null) {
                continue;
            }
            RdsSeries.Family f = p.series().family();
            double value = v.value() * p.series().scale();
            List<String> names = new ArrayList<>(List.of("account_id", "region", "db_instance"));
            List<String> labelValues =
                    new ArrayList<>(List.of(account, region, p.instance().identifier()));
            p.series().statisticLabel().ifPresent(stat -> {
                names.add("statistic");
                labelValues.add(stat);
            });
            var family = out.gauge(f.metricName(), f.help(), names.toArray(String[]::new));
            if (queries.timestamps()) {
                family.addAt(value, v.periodStart(), labelValues.toArray(String[]::new));
            } else {
                family.add(value, labelValues.toArray(String[]::new));
            }
        }
    }

    private void instanceSeries(
            SnapshotAssembler out, String account, String region, RdsInventory inventory, DbInstance i) {
        String id = i.identifier();
        out.info(
                        INSTANCE_INFO,
                        "DB instance metadata (value 1).",
                        "account_id",
                        "region",
                        "db_instance",
                        "engine",
                        "engine_version",
                        "instance_class",
                        "multi_az",
                        "storage_type",
                        "role",
                        "cluster")
                .addInfo(
                        account,
                        region,
                        id,
                        i.engine(),
                        i.engineVersion(),
                        i.instanceClass(),
                        Boolean.toString(i.multiAz()),
                        i.storageType(),
                        inventory.role(i),
                        i.clusterIdentifier().orElse(""));
        out.gauge(
                        INSTANCE_STATUS,
                        "The DB instance's current status (value 1), e.g. available, backing-up, stopped.",
                        "account_id",
                        "region",
                        "db_instance",
                        "status")
                .add(1, account, region, id, i.status());
        if (i.allocatedStorageGib() > 0) {
            gauge(out, ALLOCATED_STORAGE, "Storage allocated to the DB instance.")
                    .add(i.allocatedStorageGib() * GIB, account, region, id);
        }
        i.maxAllocatedStorageGib()
                .ifPresent(max -> gauge(out, MAX_ALLOCATED_STORAGE, "The storage autoscaling limit of the DB instance.")
                        .add(max * GIB, account, region, id));
        MaxConnections limit = inventory.maxConnections().get(id);
        if (limit != null) {
            gauge(
                            out,
                            MAX_CONNECTIONS,
                            "max_connections of the DB instance, from its parameter group, or estimated from the"
                                    + " instance class memory (see tierlens_rds_max_connections_source_info).")
                    .add(limit.value(), account, region, id);
            out.info(
                            MAX_CONNECTIONS_INFO,
                            "Where tierlens_rds_max_connections comes from (value 1): parameter, parameter_formula,"
                                    + " engine_default (both estimated from the class memory) or config.",
                            "account_id",
                            "region",
                            "db_instance",
                            "source")
                    .addInfo(account, region, id, limit.source().label());
        }
        i.certificateValidTill()
                .ifPresent(t -> gauge(out, CA_EXPIRY, "When the DB instance's server certificate expires (Unix time).")
                        .add(seconds(t), account, region, id));
        pendingMaintenance(
                out, account, region, id, inventory.pendingMaintenance().getOrDefault(id, List.of()));
    }

    private void pendingMaintenance(
            SnapshotAssembler out, String account, String region, String id, List<PendingMaintenance> actions) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Instant> earliest = new TreeMap<>();
        for (PendingMaintenance a : actions) {
            counts.merge(a.action(), 1, Integer::sum);
            a.applyAt().ifPresent(t -> earliest.merge(a.action(), t, (x, y) -> x.isBefore(y) ? x : y));
        }
        FamilyBuilder count = out.gauge(
                PENDING_MAINTENANCE,
                "Pending maintenance actions of the DB instance (cluster actions count for each member), by action.",
                "account_id",
                "region",
                "db_instance",
                "action");
        counts.forEach((action, n) -> count.add(n, account, region, id, action));
        FamilyBuilder apply = out.gauge(
                PENDING_MAINTENANCE_APPLY,
                "When AWS applies the pending action unasked (Unix time): the earliest forced or auto-apply date.",
                "account_id",
                "region",
                "db_instance",
                "action");
        earliest.forEach((action, t) -> apply.add(seconds(t), account, region, id, action));
    }

    private void clusterSeries(SnapshotAssembler out, String account, String region, DbCluster c) {
        out.info(
                        CLUSTER_INFO,
                        "DB cluster metadata (value 1).",
                        "account_id",
                        "region",
                        "cluster",
                        "engine",
                        "engine_version",
                        "status")
                .addInfo(account, region, c.identifier(), c.engine(), c.engineVersion(), c.status());
        long writers = c.members().stream().filter(DbCluster.Member::writer).count();
        FamilyBuilder members = out.gauge(
                CLUSTER_INSTANCES,
                "Instances in the DB cluster by role; a cluster without instances reports 0 writers and 0 readers.",
                "account_id",
                "region",
                "cluster",
                "role");
        members.add(writers, account, region, c.identifier(), RdsInventory.WRITER);
        members.add(c.members().size() - writers, account, region, c.identifier(), RdsInventory.READER);
    }

    private static FamilyBuilder gauge(SnapshotAssembler out, String name, String help) {
        return out.gauge(name, help, "account_id", "region", "db_instance");
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
