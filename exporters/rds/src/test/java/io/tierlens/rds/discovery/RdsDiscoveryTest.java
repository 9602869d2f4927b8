package io.tierlens.rds.discovery;

import static io.tierlens.rds.testing.FakeRdsApi.arn;
import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.poll.Discovery;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.PendingMaintenance;
import io.tierlens.rds.model.RdsInventory;
import io.tierlens.rds.testing.FakeRdsApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RdsDiscoveryTest {
    private final FakeRdsApi api = new FakeRdsApi();
    private final MutableClock clock = new MutableClock(TestEnvironment.START);

    private Discovery.Discovered<RdsInventory> discover(RdsConfig config) {
        return new RdsDiscovery(config, TestEnvironment.TARGET, api, clock, InstanceClassMemory.bundled()).discover();
    }

    private static RdsConfig filtered(List<String> names, Map<String, String> tags) {
        return new RdsConfig(null, null, null, null, tags, names, null);
    }

    private static RuntimeException accessDenied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("not authorized")
                        .build())
                .build();
    }

    @Test
    void keepsRdsEnginesThatPassTheFiltersAndSkipsDocumentDbAndNeptune() {
        api.instances.add(instance("shop-db-1").tags(Map.of("app", "shop")).build());
        api.instances.add(instance("blog-db").tags(Map.of("app", "blog")).build());
        api.instances.add(instance("shop-docs")
                .engine("docdb")
                .tags(Map.of("app", "shop"))
                .build());
        api.instances.add(instance("shop-graph")
                .engine("neptune")
                .tags(Map.of("app", "shop"))
                .build());

        RdsInventory all = discover(RdsConfig.defaults()).inventory();
        RdsInventory shop = discover(filtered(List.of(), Map.of("app", "shop"))).inventory();
        RdsInventory named = discover(filtered(List.of("blog-*"), Map.of())).inventory();

        assertThat(all.instances()).extracting(DbInstance::identifier).containsExactly("shop-db-1", "blog-db");
        assertThat(shop.instances()).extracting(DbInstance::identifier).containsExactly("shop-db-1");
        assertThat(named.instances()).extracting(DbInstance::identifier).containsExactly("blog-db");
        assertThat(all.discoveredAt()).isEqualTo(TestEnvironment.START);
    }

    @Test
    void clustersFollowTheirMembersAndAClusterWithoutInstancesIsKept() {
        api.instances.add(
                instance("reports-1").engine("aurora-mysql").cluster("reports").build());
        api.clusters.add(new DbCluster(
                "reports",
                "arn:aws:rds:eu-west-1:123456789012:cluster:reports",
                "aurora-mysql",
                "8.0",
                "available",
                List.of(new DbCluster.Member("reports-1", true)),
                Map.of()));
        api.clusters.add(
                new DbCluster("empty", "arn:cluster:empty", "aurora-mysql", "8.0", "available", List.of(), Map.of()));

        assertThat(discover(RdsConfig.defaults()).inventory().clusters())
                .extracting(DbCluster::identifier)
                .containsExactly("reports", "empty");
        // Filtered by name: "reports" stays because its member matches, "empty" matches nothing.
        assertThat(discover(filtered(List.of("reports-*"), Map.of()))
                        .inventory()
                        .clusters())
                .extracting(DbCluster::identifier)
                .containsExactly("reports");
    }

    @Test
    void pendingMaintenanceIsListedUnderTheInstanceAndClusterActionsUnderEveryMember() {
        api.instances.add(instance("shop-db-1").build());
        api.instances.add(instance("reports-1").cluster("reports").build());
        api.instances.add(instance("reports-2").cluster("reports").build());
        api.clusters.add(new DbCluster(
                "reports",
                "arn:cluster:reports",
                "aurora-mysql",
                "8.0",
                "available",
                List.of(new DbCluster.Member("reports-1", true), new DbCluster.Member("reports-2", false)),
                Map.of()));
        PendingMaintenance os = new PendingMaintenance(
                arn("shop-db-1"), "system-update", Optional.of(Instant.parse("2026-12-03T00:00:00Z")));
        PendingMaintenance upgrade = new PendingMaintenance("arn:cluster:reports", "db-upgrade", Optional.empty());
        PendingMaintenance gone = new PendingMaintenance(arn("deleted-db"), "system-update", Optional.empty());
        api.pending.addAll(List.of(os, upgrade, gone));

        Map<String, List<PendingMaintenance>> pending =
                discover(RdsConfig.defaults()).inventory().pendingMaintenance();

        assertThat(pending)
                .containsOnlyKeys("shop-db-1", "reports-1", "reports-2")
                .containsEntry("shop-db-1", List.of(os))
                .containsEntry("reports-1", List.of(upgrade))
                .containsEntry("reports-2", List.of(upgrade));
    }

    @Test
    void readsEachCustomParameterGroupOnceAndNeverRdsDefaultGroups() {
        api.instances.add(instance("a").parameterGroup("shop-mysql80").build());
        api.instances.add(instance("b").parameterGroup("shop-mysql80").build());
        api.instances.add(instance("c").parameterGroup("default.mysql8.0").build());
        api.parameterGroups.put("shop-mysql80", Map.of("max_connections", "800"));

        Map<String, MaxConnections> limits =
                discover(RdsConfig.defaults()).inventory().maxConnections();

        assertThat(api.calls("DescribeDBParameters")).isEqualTo(1);
        assertThat(limits.get("a")).isEqualTo(new MaxConnections(800, MaxConnections.Source.PARAMETER));
        assertThat(limits.get("b")).isEqualTo(limits.get("a"));
        assertThat(limits.get("c").source()).isEqualTo(MaxConnections.Source.ENGINE_DEFAULT);
    }

    @Test
    void optionalPartsFailAloneAsPartialFailures() {
        api.instances.add(instance("a").parameterGroup("shop-mysql80").build());
        api.fail("DescribePendingMaintenanceActions", RdsDiscoveryTest::accessDenied);
        api.fail("DescribeDBParameters", RdsDiscoveryTest::accessDenied);

        Discovery.Discovered<RdsInventory> r = discover(RdsConfig.defaults());

        assertThat(r.inventory().instances()).hasSize(1);
        assertThat(r.inventory().pendingMaintenance()).isEmpty();
        assertThat(r.inventory().maxConnections()).isEmpty();
        assertThat(r.problems())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo(FailureReason.ACCESS_DENIED))
                // The error code and the target, never AWS's message text.
                .allSatisfy(f -> assertThat(f.message())
                        .contains("AccessDenied (HTTP 403)", "account=123456789012")
                        .doesNotContain("not authorized"));
    }

    @Test
    void failingToListInstancesFailsTheDiscovery() {
        api.fail("DescribeDBInstances", RdsDiscoveryTest::accessDenied);
        assertThatThrownBy(() -> discover(RdsConfig.defaults())).isInstanceOf(AwsServiceException.class);
    }
}
