package io.tierlens.rds.collector;

import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.PendingMaintenance;
import io.tierlens.rds.model.RdsInventory;
import io.tierlens.rds.testing.EveryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RdsCollectorTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final Instant PERIOD = TestEnvironment.NEWEST_PERIOD_START;

    private final RdsQueries queries = new RdsQueries(EveryMinute.config(), MINUTE);
    private final RdsCollector collector = new RdsCollector(queries);
    private final Map<MetricQuery, MetricValue> values = new HashMap<>();

    private void cloudWatch(String id, String metric, String statistic, double v) {
        values.put(
                new MetricQuery("AWS/RDS", metric, Map.of("DBInstanceIdentifier", id), statistic, MINUTE, false),
                new MetricValue(v, PERIOD, MINUTE, false));
    }

    private MetricSnapshots collect(RdsInventory inv) {
        return collector.collect(TestEnvironment.TARGET, inv, values);
    }

    private static RdsInventory inventory(List<DbInstance> instances) {
        return new RdsInventory(instances, List.of(), Map.of(), Map.of(), Instant.EPOCH);
    }

    @Test
    void timestampsTrueExportsCloudWatchsOwnTimestampAndTheDefaultNone() {
        RdsConfig c = EveryMinute.config();
        RdsConfig withTimestamps = new RdsConfig(
                c.enabled(),
                c.refresh(),
                c.maxStaleness(),
                c.discoveryInterval(),
                c.tags(),
                c.names(),
                c.maxConnections(),
                c.alertingInterval(),
                c.trendInterval(),
                c.classes(),
                true);
        RdsInventory inv = inventory(List.of(instance("src").build()));
        cloudWatch("src", "FreeableMemory", "Minimum", 3.5 * GIB);

        String stamped = io.tierlens.core.testing.TextExposition.render(
                new RdsCollector(new RdsQueries(withTimestamps, MINUTE)).collect(TestEnvironment.TARGET, inv, values));
        String plain = io.tierlens.core.testing.TextExposition.render(collect(inv));

        String series = "tierlens_rds_freeable_memory_bytes\\{[^}]*db_instance=\"src\"[^}]*\\} \\S+";
        assertThat(stamped).containsPattern(series + " " + PERIOD.toEpochMilli() + "\n");
        assertThat(plain).containsPattern(series + "\n");
    }

    @Test
    void cloudWatchValuesBecomeBaseUnitsWithTheirStatistics() {
        RdsInventory inv = inventory(List.of(
                instance("src").replicas("rep").build(),
                instance("rep").replicaOf("src").storage("gp2", 100).build()));
        cloudWatch("src", "CPUUtilization", "Average", 57.5);
        cloudWatch("src", "CPUUtilization", "Maximum", 91);
        cloudWatch("src", "DatabaseConnections", "Maximum", 312);
        cloudWatch("src", "FreeStorageSpace", "Minimum", 42 * GIB);
        cloudWatch("src", "FreeableMemory", "Minimum", 3.5 * GIB);
        cloudWatch("src", "SwapUsage", "Maximum", 2_097_152);
        cloudWatch("src", "ReadIOPS", "Average", 1200.5);
        cloudWatch("src", "WriteIOPS", "Average", 800);
        cloudWatch("src", "ReadLatency", "Average", 0.0012);
        cloudWatch("src", "ReadLatency", "Maximum", 0.0031);
        cloudWatch("src", "WriteLatency", "Average", 0.0021);
        cloudWatch("src", "WriteLatency", "Maximum", 0.0049);
        cloudWatch("src", "DiskQueueDepth", "Average", 1.75);
        cloudWatch("rep", "ReplicaLag", "Maximum", 12);
        cloudWatch("rep", "BurstBalance", "Minimum", 64);

        MetricSnapshots s = collect(inv);

        assertThat(value(s, "tierlens_rds_cpu_utilization_ratio", "db_instance", "src", "statistic", "average"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(0.575, within(1e-9)));
        assertThat(value(s, "tierlens_rds_cpu_utilization_ratio", "db_instance", "src", "statistic", "maximum"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(0.91, within(1e-9)));
        assertThat(value(s, "tierlens_rds_database_connections", "db_instance", "src"))
                .contains(312.0);
        assertThat(value(s, "tierlens_rds_free_storage_bytes", "db_instance", "src"))
                .contains(42 * GIB);
        assertThat(value(s, "tierlens_rds_freeable_memory_bytes", "db_instance", "src"))
                .contains(3.5 * GIB);
        assertThat(value(s, "tierlens_rds_swap_usage_bytes", "db_instance", "src"))
                .contains(2_097_152.0);
        assertThat(value(s, "tierlens_rds_read_iops", "db_instance", "src")).contains(1200.5);
        assertThat(value(s, "tierlens_rds_write_iops", "db_instance", "src")).contains(800.0);
        assertThat(value(s, "tierlens_rds_read_latency_seconds", "db_instance", "src"))
                .contains(0.0012);
        assertThat(value(s, "tierlens_rds_read_latency_max_seconds", "db_instance", "src"))
                .contains(0.0031);
        assertThat(value(s, "tierlens_rds_write_latency_seconds", "db_instance", "src"))
                .contains(0.0021);
        assertThat(value(s, "tierlens_rds_write_latency_max_seconds", "db_instance", "src"))
                .contains(0.0049);
        assertThat(value(s, "tierlens_rds_disk_queue_depth", "db_instance", "src"))
                .contains(1.75);
        assertThat(value(s, "tierlens_rds_replica_lag_seconds", "db_instance", "rep"))
                .contains(12.0);
        assertThat(value(s, "tierlens_rds_burst_balance_ratio", "db_instance", "rep"))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(0.64, within(1e-9)));
        assertThat(labels(s, "tierlens_rds_database_connections"))
                .containsExactly(Map.of("account_id", "123456789012", "region", "eu-west-1", "db_instance", "src"));
    }

    @Test
    void aMissingDatapointLeavesItsSeriesOutInsteadOfReportingZero() {
        RdsInventory inv = inventory(List.of(instance("db").build()));
        cloudWatch("db", "CPUUtilization", "Average", 10);

        MetricSnapshots s = collect(inv);

        assertThat(size(s, "tierlens_rds_cpu_utilization_ratio")).isEqualTo(1);
        assertThat(size(s, "tierlens_rds_database_connections")).isZero();
        assertThat(size(s, "tierlens_rds_instance_info")).isEqualTo(1);
    }

    @Test
    void infoStatusStorageAndCertificateComeFromDiscovery() {
        Instant validTill = Instant.parse("2027-03-02T08:13:00Z");
        RdsInventory inv = inventory(List.of(
                instance("src")
                        .replicas("rep")
                        .multiAz()
                        .storage("gp3", 200)
                        .maxAllocated(500)
                        .certificateValidTill(validTill)
                        .build(),
                instance("rep").replicaOf("src").status("stopped").build()));

        MetricSnapshots s = collect(inv);

        assertThat(labels(s, "tierlens_rds_instance_info"))
                .contains(Map.of(
                        "account_id", "123456789012",
                        "region", "eu-west-1",
                        "db_instance", "src",
                        "engine", "mysql",
                        "engine_version", "8.0.39",
                        "instance_class", "db.r6g.large",
                        "multi_az", "true",
                        "storage_type", "gp3",
                        "role", "writer",
                        "cluster", ""));
        assertThat(value(s, "tierlens_rds_instance_info", "db_instance", "rep", "role", "reader"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_instance_status", "db_instance", "rep", "status", "stopped"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_allocated_storage_bytes", "db_instance", "src"))
                .contains(200 * GIB);
        assertThat(value(s, "tierlens_rds_max_allocated_storage_bytes", "db_instance", "src"))
                .contains(500 * GIB);
        assertThat(value(s, "tierlens_rds_max_allocated_storage_bytes", "db_instance", "rep"))
                .isEmpty();
        assertThat(value(s, "tierlens_rds_ca_certificate_expiry_timestamp_seconds", "db_instance", "src"))
                .contains((double) validTill.getEpochSecond());
    }

    @Test
    void maxConnectionsCarriesItsSource() {
        RdsInventory inv = new RdsInventory(
                List.of(
                        instance("a").build(),
                        instance("b").build(),
                        instance("c").build()),
                List.of(),
                Map.of(),
                Map.of(
                        "a", new MaxConnections(1000, MaxConnections.Source.PARAMETER),
                        "b", new MaxConnections(1321, MaxConnections.Source.ENGINE_DEFAULT)),
                Instant.EPOCH);

        MetricSnapshots s = collect(inv);

        assertThat(value(s, "tierlens_rds_max_connections", "db_instance", "a")).contains(1000.0);
        assertThat(value(s, "tierlens_rds_max_connections", "db_instance", "b")).contains(1321.0);
        assertThat(value(s, "tierlens_rds_max_connections", "db_instance", "c")).isEmpty();
        assertThat(value(s, "tierlens_rds_max_connections_source_info", "db_instance", "a", "source", "parameter"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_max_connections_source_info", "db_instance", "b", "source", "engine_default"))
                .contains(1.0);
    }

    @Test
    void pendingMaintenanceIsCountedPerActionWithTheEarliestApplyDate() {
        Instant soon = Instant.parse("2026-12-03T00:00:00Z");
        Instant later = Instant.parse("2026-12-10T00:00:00Z");
        RdsInventory inv = new RdsInventory(
                List.of(instance("a").build()),
                List.of(),
                Map.of(
                        "a",
                        List.of(
                                new PendingMaintenance("arn:a", "system-update", Optional.of(later)),
                                new PendingMaintenance("arn:cluster", "system-update", Optional.of(soon)),
                                new PendingMaintenance("arn:a", "ca-certificate-rotation", Optional.empty()))),
                Map.of(),
                Instant.EPOCH);

        MetricSnapshots s = collect(inv);

        assertThat(value(s, "tierlens_rds_pending_maintenance_actions", "db_instance", "a", "action", "system-update"))
                .contains(2.0);
        assertThat(value(
                        s,
                        "tierlens_rds_pending_maintenance_actions",
                        "db_instance",
                        "a",
                        "action",
                        "ca-certificate-rotation"))
                .contains(1.0);
        assertThat(value(
                        s,
                        "tierlens_rds_pending_maintenance_apply_timestamp_seconds",
                        "db_instance",
                        "a",
                        "action",
                        "system-update"))
                .contains((double) soon.getEpochSecond());
        assertThat(size(s, "tierlens_rds_pending_maintenance_apply_timestamp_seconds"))
                .isEqualTo(1);
    }

    @Test
    void aClusterWithoutInstancesIsReportedWithZeroMembers() {
        RdsInventory inv = new RdsInventory(
                List.of(instance("w").cluster("reports").build()),
                List.of(
                        new DbCluster(
                                "reports",
                                "arn:r",
                                "aurora-mysql",
                                "8.0",
                                "available",
                                List.of(new DbCluster.Member("w", true)),
                                Map.of()),
                        new DbCluster("empty", "arn:e", "aurora-postgresql", "15.4", "available", List.of(), Map.of())),
                Map.of(),
                Map.of(),
                Instant.EPOCH);

        MetricSnapshots s = collect(inv);

        assertThat(value(s, "tierlens_rds_cluster_instances", "cluster", "empty", "role", "writer"))
                .contains(0.0);
        assertThat(value(s, "tierlens_rds_cluster_instances", "cluster", "empty", "role", "reader"))
                .contains(0.0);
        assertThat(value(s, "tierlens_rds_cluster_instances", "cluster", "reports", "role", "writer"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_cluster_info", "cluster", "empty", "status", "available"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_instance_info", "db_instance", "w", "cluster", "reports", "role", "writer"))
                .contains(1.0);
    }
}
