package io.tierlens.demo.backup;

import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.BackupModule;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.session.SessionLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's backup story through the production exporter, at the scenario minutes docs/demo.md documents. The
 * story must keep its shape at any speed, so the times are checked at 1x and 30x.
 */
class BackupDemoSimulationTest {
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("123456789012", "ap-northeast-2");
    private static final double RPO = 86_400;

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

    private MetricSnapshots at(double speed, double scenarioMinute) throws Exception {
        Scenario scenario = new Scenario(clock, START, speed, 2);
        clock.set(START.plusMillis((long) (scenarioMinute * 60_000 / speed)));
        DemoSimulation sim = DemoModules.all(SessionLayout.INDEXED)
                .get(new BackupModule().name())
                .simulate(BackupConfig.defaults(), scenario, recorder);
        DemoApiClients clients = new DemoApiClients();
        sim.install(clients);
        SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
        CloudWatchPlanner planner =
                new CloudWatchPlanner(new CloudWatchConfig(null, null, null, null, null), t -> null, clock, self);
        Exporter e = new BackupModule()
                .create(
                        BackupConfig.defaults(),
                        new ExporterEnvironment(clock, List.of(TARGET), clients, planner, self));
        return e.refresh().data();
    }

    private double age(MetricSnapshots s, String metric, String... match) {
        double t = value(s, metric, match).orElseThrow();
        return clock.instant().getEpochSecond() - t;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 30})
    void theNightlyBackupAgesPastTheRpoFailsAndIsRetried(double speed) throws Exception {
        String success = "tierlens_backup_last_success_timestamp_seconds";
        String snapshot = "tierlens_backup_rds_latest_snapshot_timestamp_seconds";
        String jobs = "tierlens_backup_jobs";

        MetricSnapshots early = at(speed, 5);
        assertThat(age(early, success, "resource", "shop-db-1")).isLessThan(RPO);
        assertThat(age(early, snapshot, "db_instance", "shop-db-1", "type", "awsbackup"))
                .isLessThan(RPO);
        assertThat(value(early, jobs, "state", "failed")).contains(0.0);
        assertThat(value(early, jobs, "state", "completed_with_issues")).contains(1.0);

        MetricSnapshots running = at(speed, 11);
        assertThat(age(running, snapshot, "db_instance", "shop-db-1", "type", "awsbackup"))
                .isGreaterThan(RPO);
        assertThat(age(running, success, "resource", "shop-db-1")).isLessThan(RPO);
        assertThat(value(running, jobs, "state", "running")).contains(1.0);

        MetricSnapshots failed = at(speed, 14);
        assertThat(age(failed, success, "resource", "shop-db-1")).isGreaterThan(RPO);
        assertThat(value(failed, jobs, "state", "failed")).contains(1.0);
        assertThat(value(failed, jobs, "state", "running")).contains(0.0);

        MetricSnapshots retried = at(speed, 28);
        assertThat(age(retried, success, "resource", "shop-db-1")).isLessThan(RPO);
        assertThat(age(retried, snapshot, "db_instance", "shop-db-1", "type", "awsbackup"))
                .isLessThan(RPO);
        assertThat(value(retried, jobs, "state", "completed")).contains(2.0);
        assertThat(value(retried, jobs, "state", "failed")).contains(1.0);
    }

    @Test
    void theRestOfTheEstateIsSteady() throws Exception {
        MetricSnapshots s = at(1, 5);

        assertThat(value(s, "tierlens_backup_aws_backup_configured")).contains(1.0);
        assertThat(value(s, "tierlens_backup_rds_retention_seconds", "db_instance", "shop-db-2"))
                .contains(0.0);
        assertThat(value(s, "tierlens_backup_rds_snapshots", "db_instance", "shop-db-1", "type", "automated"))
                .contains(7.0);
        assertThat(value(
                        s,
                        "tierlens_backup_rds_cross_region_replication",
                        "db_instance",
                        "shop-db-1",
                        "destination_region",
                        "ap-northeast-1"))
                .contains(1.0);
        assertThat(age(s, "tierlens_backup_rds_latest_restorable_timestamp_seconds", "db_instance", "shop-db-1"))
                .isEqualTo(300);
        assertThat(value(s, "tierlens_backup_unprotected_resources", "resource_type", "RDS"))
                .contains(0.0);
        assertThat(requests)
                .containsEntry("rds:DescribeDBInstances:ok", 1)
                .containsEntry("rds:DescribeDBSnapshots:ok", 2)
                .containsEntry("rds:DescribeDBInstanceAutomatedBackups:ok", 1)
                .containsEntry("backup:ListBackupVaults:ok", 1)
                .containsEntry("backup:ListBackupJobs:ok", 1)
                .containsEntry("backup:ListProtectedResources:ok", 1)
                .containsEntry("backup:ListRecoveryPointsByBackupVault:ok", 1)
                .doesNotContainKey("backup:ListRecoveryPointsByResource:ok");
    }
}
