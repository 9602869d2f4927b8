package io.tierlens.rds;

import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.inventory.DiscoveredDatabase;
import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.rds.testing.EveryMinute;
import io.tierlens.rds.testing.FakeRdsApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RdsExporterTest {
    private final TestEnvironment env = new TestEnvironment();
    private final TestEnvironment.Fakes<FakeRdsApi> rds = FakeRdsApi.in(env);

    private RdsExporter exporter() {
        return (RdsExporter) new RdsModule().create(EveryMinute.config(), env.environment());
    }

    private static RuntimeException throttled() {
        return AwsServiceException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("Throttling")
                        .errorMessage("Rate exceeded")
                        .build())
                .build();
    }

    @Test
    void oneRefreshDiscoversFetchesThroughThePlannerAndServes() throws Exception {
        rds.get().instances.add(instance("shop-db-1").replicas("shop-db-2").build());
        rds.get().instances.add(instance("shop-db-2").replicaOf("shop-db-1").build());
        env.cloudWatchApi.answer(q -> q.metricName().equals("CPUUtilization") ? Optional.of(40.0) : Optional.empty());

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(value(
                        r.data(),
                        "tierlens_rds_cpu_utilization_ratio",
                        "db_instance",
                        "shop-db-2",
                        "statistic",
                        "average"))
                .contains(0.4);
        assertThat(size(r.data(), "tierlens_rds_instance_info")).isEqualTo(2);
        // 13 + 14 (the replica adds ReplicaLag) queries in one GetMetricData call.
        assertThat(env.cloudWatchApi.calls())
                .singleElement()
                .satisfies(req -> assertThat(req.size()).isEqualTo(27));
        // The data time is the end of the newest complete period the values came from.
        assertThat(r.dataTimestamp()).isEqualTo(TestEnvironment.NEWEST_PERIOD_START.plusSeconds(60));
    }

    @Test
    void eachServedRefreshPublishesTheInstancesForTheCostExporter() throws Exception {
        rds.get()
                .instances
                .add(instance("shop-db")
                        .instanceClass("db.r6g.large")
                        .multiAz()
                        .storage("io1", 200)
                        .iops(3000)
                        .tags(java.util.Map.of("tierlens.io/tier", "db"))
                        .build());

        exporter().refresh();

        assertThat(env.inventory.read(DiscoveredDatabase.class)).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo(FakeRdsApi.ACCOUNT + "/" + FakeRdsApi.REGION);
            assertThat(p.at()).isEqualTo(env.clock.instant());
            assertThat(p.items())
                    .containsExactly(new DiscoveredDatabase(
                            "shop-db",
                            "db.r6g.large",
                            "mysql",
                            true,
                            "io1",
                            200,
                            Optional.of(3000),
                            java.util.Map.of("tierlens.io/tier", "db")));
        });
    }

    @Test
    void discoveryRunsOnItsOwnSlowScheduleWhileMetricsRefreshEveryTime() throws Exception {
        rds.get().instances.add(instance("db").build());
        RdsExporter exporter = exporter();

        exporter.refresh();
        env.clock.advance(Duration.ofMinutes(1));
        exporter.refresh();
        env.clock.advance(Duration.ofMinutes(3));
        exporter.refresh();

        assertThat(rds.get().calls("DescribeDBInstances")).isEqualTo(1);
        assertThat(env.cloudWatchApi.calls()).hasSize(3);

        rds.get().instances.add(instance("new-db").build());
        env.clock.advance(Duration.ofMinutes(1));
        RefreshResult r = exporter.refresh();

        assertThat(rds.get().calls("DescribeDBInstances")).isEqualTo(2);
        assertThat(size(r.data(), "tierlens_rds_instance_info")).isEqualTo(2);
    }

    @Test
    void aFailedDiscoveryKeepsThePreviousInventoryAndIsReported() throws Exception {
        rds.get().instances.add(instance("db").build());
        RdsExporter exporter = exporter();
        exporter.refresh();
        rds.get().fail("DescribeDBInstances", RdsExporterTest::throttled);
        env.clock.advance(Duration.ofMinutes(6));

        RefreshResult r = exporter.refresh();

        assertThat(r.partialFailures())
                .extracting(RefreshResult.PartialFailure::reason)
                .containsExactly(FailureReason.THROTTLED);
        assertThat(value(r.data(), "tierlens_rds_instance_status", "db_instance", "db", "status", "available"))
                .contains(1.0);

        // Retried at the next refresh, not after another discovery interval.
        rds.get().heal();
        env.clock.advance(Duration.ofMinutes(1));
        assertThat(exporter.refresh().partialFailures()).isEmpty();
        assertThat(rds.get().calls("DescribeDBInstances")).isEqualTo(3);
    }

    @Test
    void whenNothingWorksTheRefreshThrowsSoTheRunnerKeepsTheLastGoodSnapshot() {
        rds.get().fail("DescribeDBInstances", RdsExporterTest::throttled);

        assertThatThrownBy(() -> exporter().refresh())
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.THROTTLED));
    }

    @Test
    void aFailingCloudWatchKeepsTheInventorySeries() throws Exception {
        rds.get().instances.add(instance("db").build());
        env.cloudWatchApi.fail(() -> new IllegalStateException("boom"));

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures()).hasSize(1);
        assertThat(size(r.data(), "tierlens_rds_instance_info")).isEqualTo(1);
        assertThat(size(r.data(), "tierlens_rds_cpu_utilization_ratio")).isZero();
    }

    @Test
    void targetsAreIndependentAndLabelled() throws Exception {
        AwsTarget other = AwsTarget.defaultCredentials("210987654321", "us-east-1");
        rds.get().instances.add(instance("eu-db").build());
        rds.apply(other).instances.add(instance("us-db").build());
        rds.apply(other).fail("DescribeDBInstances", RdsExporterTest::throttled);
        RdsExporter exporter = (RdsExporter)
                new RdsModule().create(EveryMinute.config(), env.environment(List.of(TestEnvironment.TARGET, other)));

        RefreshResult r = exporter.refresh();

        assertThat(value(r.data(), "tierlens_rds_instance_info", "region", "eu-west-1", "db_instance", "eu-db"))
                .contains(1.0);
        assertThat(size(r.data(), "tierlens_rds_instance_info")).isEqualTo(1);
        assertThat(r.partialFailures()).hasSize(1);
    }

    @Test
    void emptyAccountsServeNothingAndAskNothing() throws Exception {
        RefreshResult r = exporter().refresh();
        assertThat(r.data()).isEmpty();
        assertThat(env.cloudWatchApi.calls()).isEmpty();
    }

    @Test
    void moduleNamesItsConfigAndInventoryKind() {
        RdsModule m = new RdsModule();
        assertThat(m.name()).isEqualTo("rds");
        assertThat(m.configType()).isEqualTo(RdsConfig.class);
        assertThat(m.inventoryKinds()).containsExactly("db_instance");
        assertThat(FakeRdsApi.ACCOUNT).isEqualTo(TestEnvironment.TARGET.accountId());
    }
}
