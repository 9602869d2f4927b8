package io.tierlens.demo.rds;

import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedCloudWatch;
import io.tierlens.demo.session.SessionLayout;
import io.tierlens.rds.RdsModule;
import io.tierlens.rds.testing.EveryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The demo's RDS part through the production exporter: the writer, its replica, and calls counted like real ones. */
class RdsDemoSimulationTest {
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("123456789012", "ap-northeast-2");

    private final MutableClock clock = new MutableClock(START);
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final ApiCallRecorder recorder = new ApiCallRecorder() {
        @Override
        public void recordRequest(String service, String operation, ApiOutcome outcome) {
            requests.merge(service + ":" + operation + ":" + outcome.label(), 1, Integer::sum);
        }

        @Override
        public void recordCost(String service, double usd) {}
    };

    private Exporter demoExporter(Scenario scenario) {
        DemoSimulation sim = DemoModules.all(SessionLayout.INDEXED)
                .get(new RdsModule().name())
                .simulate(EveryMinute.config(), scenario, recorder);
        DemoApiClients clients = new DemoApiClients();
        sim.install(clients);
        SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(sim.metricSources(), recorder);
        clients.register(CloudWatchApi.class, t -> cloudWatch);
        SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, Duration.ofSeconds(60), null, null, Duration.ofMillis(100)),
                t -> cloudWatch,
                clock,
                self);
        return new RdsModule()
                .create(EveryMinute.config(), new ExporterEnvironment(clock, List.of(TARGET), clients, planner, self));
    }

    @Test
    void theWriterAndItsReplicaServeEveryFamily() throws Exception {
        Scenario scenario = new Scenario(clock, START, 1, 2);
        clock.set(START.plus(Duration.ofMinutes(3)));

        RefreshResult r = demoExporter(scenario).refresh();
        MetricSnapshots s = r.data();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(value(s, "tierlens_rds_instance_info", "db_instance", "shop-db-1", "role", "writer"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_instance_info", "db_instance", "shop-db-2", "role", "reader"))
                .contains(1.0);
        assertThat(value(s, "tierlens_rds_max_connections", "db_instance", "shop-db-1"))
                .contains(1000.0);
        assertThat(value(
                        s,
                        "tierlens_rds_max_connections_source_info",
                        "db_instance",
                        "shop-db-2",
                        "source",
                        "engine_default"))
                .contains(1.0);
        assertThat(size(s, "tierlens_rds_cpu_utilization_ratio")).isEqualTo(4);
        assertThat(value(s, "tierlens_rds_cpu_utilization_ratio", "db_instance", "shop-db-1", "statistic", "average"))
                .hasValueSatisfying(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(size(s, "tierlens_rds_replica_lag_seconds")).isEqualTo(1);
        assertThat(size(s, "tierlens_rds_burst_balance_ratio")).isEqualTo(1);
        assertThat(value(
                        s,
                        "tierlens_rds_pending_maintenance_actions",
                        "db_instance",
                        "shop-db-1",
                        "action",
                        "system-update"))
                .contains(1.0);
        for (String family : List.of(
                "tierlens_rds_database_connections",
                "tierlens_rds_free_storage_bytes",
                "tierlens_rds_freeable_memory_bytes",
                "tierlens_rds_swap_usage_bytes",
                "tierlens_rds_read_iops",
                "tierlens_rds_write_iops",
                "tierlens_rds_read_latency_seconds",
                "tierlens_rds_write_latency_seconds",
                "tierlens_rds_disk_queue_depth",
                "tierlens_rds_allocated_storage_bytes",
                "tierlens_rds_ca_certificate_expiry_timestamp_seconds")) {
            assertThat(size(s, family)).as(family).isEqualTo(2);
        }
        assertThat(requests)
                .containsEntry("rds:DescribeDBInstances:ok", 1)
                .containsEntry("rds:DescribeDBClusters:ok", 1)
                .containsEntry("rds:DescribePendingMaintenanceActions:ok", 1)
                .containsEntry("rds:DescribeDBParameters:ok", 1)
                .containsEntry("cloudwatch:GetMetricData:ok", 1);
    }

    @Test
    void theReplicaFallsBehindDuringTheErrorBurst() throws Exception {
        Scenario scenario = new Scenario(clock, START, 1, 2);
        clock.set(START.plus(Duration.ofMinutes(13)));
        double duringBurst = value(
                        demoExporter(scenario).refresh().data(),
                        "tierlens_rds_replica_lag_seconds",
                        "db_instance",
                        "shop-db-2")
                .orElseThrow();
        clock.set(START.plus(Duration.ofMinutes(23)));
        double after = value(
                        demoExporter(scenario).refresh().data(),
                        "tierlens_rds_replica_lag_seconds",
                        "db_instance",
                        "shop-db-2")
                .orElseThrow();

        assertThat(duringBurst).isGreaterThan(20);
        assertThat(after).isLessThan(5);
    }

    @Test
    void atScaleTenThereAreTenDatabases() throws Exception {
        clock.set(START.plus(Duration.ofMinutes(3)));
        RefreshResult r = demoExporter(new Scenario(clock, START, 1, 10)).refresh();
        assertThat(size(r.data(), "tierlens_rds_instance_info")).isEqualTo(10);
    }
}
