package io.tierlens.karpenter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TextExposition;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import io.tierlens.kubernetes.model.NodePool;
import io.tierlens.kubernetes.model.PendingPod;
import io.tierlens.kubernetes.model.Resource;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KarpenterCollectorTest {
    private static final Instant NOW = Instant.parse("2025-03-04T11:00:00Z");
    private static final InstanceShape SPOT = new InstanceShape("c6i.large", "spot", "ap-northeast-2a");
    private static final InstanceShape OD = new InstanceShape("m6i.xlarge", "on-demand", "ap-northeast-2b");

    private static ClusterState state() {
        return new ClusterState(
                NOW,
                new KarpenterApi(List.of("v1", "v1beta1")),
                List.of(
                        new NodePool(
                                "web",
                                "WhenEmptyOrUnderutilized",
                                "EC2NodeClass/default",
                                Map.of(Resource.CPU, 40.0),
                                Map.of(Resource.CPU, 4.0),
                                Optional.of(true)),
                        new NodePool("was", "WhenEmpty", "EC2NodeClass/was", Map.of(), Map.of(), Optional.empty())),
                List.of(
                        new NodeClaim("web-a", "1", "web", SPOT, NOW.minusSeconds(3600), NodeClaimPhase.INITIALIZED),
                        new NodeClaim("web-b", "2", "web", SPOT, NOW.minusSeconds(3600), NodeClaimPhase.INITIALIZED),
                        new NodeClaim("web-c", "3", "web", SPOT, NOW.minusSeconds(90), NodeClaimPhase.LAUNCHED),
                        new NodeClaim("web-d", "4", "web", SPOT, NOW.minusSeconds(30), NodeClaimPhase.PENDING)),
                List.of(
                        new ClusterNode("n1", "web", SPOT, new ResourceAmounts(1.93, 3e9, 29), true, NOW),
                        new ClusterNode("n2", "web", SPOT, new ResourceAmounts(1.93, 3e9, 29), true, NOW),
                        new ClusterNode("n3", "was", OD, new ResourceAmounts(3.92, 15e9, 58), true, NOW)),
                Map.of(
                        "n1", new ResourceAmounts(1.5, 1e9, 3),
                        "n2", new ResourceAmounts(0.5, 0.5e9, 1)),
                List.of(
                        new PendingPod("was", "unschedulable", NOW.minusSeconds(120)),
                        new PendingPod("was", "unschedulable", NOW.minusSeconds(45)),
                        new PendingPod("web", "starting", NOW.minusSeconds(5))),
                Map.of(new DisruptionKey("web", "underutilized"), 3L, new DisruptionKey("web", "other"), 1L),
                List.of());
    }

    @Test
    void nodePoolsReportLimitsUsageAndReadiness() {
        MetricSnapshots m = KarpenterCollector.collect(state());

        assertThat(Scraped.value(m, "tierlens_karpenter_nodepool_limit", "nodepool", "web", "resource", "cpu"))
                .hasValue(40.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodepool_usage", "nodepool", "web", "resource", "cpu"))
                .hasValue(4.0);
        // no status.nodes: counted from the NodePool's claims
        assertThat(Scraped.value(m, "tierlens_karpenter_nodepool_usage", "nodepool", "web", "resource", "nodes"))
                .hasValue(4.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodepool_ready", "nodepool", "web"))
                .hasValue(1.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodepool_ready", "nodepool", "was"))
                .isEmpty();
        assertThat(Scraped.value(
                        m,
                        "tierlens_karpenter_nodepool_info",
                        "nodepool",
                        "was",
                        "consolidation_policy",
                        "WhenEmpty",
                        "node_class",
                        "EC2NodeClass/was"))
                .hasValue(1.0);
    }

    @Test
    void claimPhasesAreExclusiveAndZeroFilled() {
        MetricSnapshots m = KarpenterCollector.collect(state());

        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaims", "nodepool", "web", "phase", "initialized"))
                .hasValue(2.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaims", "nodepool", "web", "phase", "launched"))
                .hasValue(1.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaims", "nodepool", "web", "phase", "pending"))
                .hasValue(1.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaims", "nodepool", "was", "phase", "disrupting"))
                .hasValue(0.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaim_oldest_unready_seconds", "nodepool", "web"))
                .hasValue(90.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_nodeclaim_oldest_unready_seconds", "nodepool", "was"))
                .hasValue(0.0);
    }

    @Test
    void capacityIsSummedPerNodePoolAndCapacityType() {
        MetricSnapshots m = KarpenterCollector.collect(state());

        assertThat(Scraped.value(
                        m,
                        "tierlens_karpenter_nodes",
                        "nodepool",
                        "web",
                        "capacity_type",
                        "spot",
                        "instance_type",
                        "c6i.large",
                        "zone",
                        "ap-northeast-2a"))
                .hasValue(2.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_node_allocatable", "nodepool", "web", "resource", "cpu"))
                .hasValue(3.86);
        assertThat(Scraped.value(m, "tierlens_karpenter_node_requests", "nodepool", "web", "resource", "cpu"))
                .hasValue(2.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_node_requests", "nodepool", "was", "resource", "pods"))
                .hasValue(0.0);
    }

    @Test
    void pendingPodsAndTheirOldestAge() {
        MetricSnapshots m = KarpenterCollector.collect(state());

        assertThat(Scraped.value(m, "tierlens_karpenter_pending_pods", "namespace", "was", "reason", "unschedulable"))
                .hasValue(2.0);
        assertThat(Scraped.value(
                        m,
                        "tierlens_karpenter_pending_pod_oldest_seconds",
                        "namespace",
                        "was",
                        "reason",
                        "unschedulable"))
                .hasValue(120.0);
        assertThat(Scraped.value(
                        m, "tierlens_karpenter_disruptions_total", "nodepool", "web", "reason", "underutilized"))
                .hasValue(3.0);
    }

    @Test
    void v1IsReadAndOtherServedVersionsAreNotReported() {
        MetricSnapshots m = KarpenterCollector.collect(state());
        assertThat(Scraped.value(m, "tierlens_karpenter_api_supported", "version", "v1"))
                .hasValue(1.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_api_supported", "version", "v1beta1"))
                .isEmpty();
    }

    @Test
    void aV1beta1OnlyClusterIsReportedAsUnsupported() {
        ClusterState old = new ClusterState(
                NOW,
                new KarpenterApi(List.of("v1beta1")),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of());
        MetricSnapshots m = KarpenterCollector.collect(old);
        assertThat(Scraped.value(m, "tierlens_karpenter_api_supported", "version", "v1"))
                .hasValue(0.0);
        assertThat(Scraped.value(m, "tierlens_karpenter_api_supported", "version", "v1beta1"))
                .hasValue(0.0);
    }

    @Test
    void aV1ClusterThatRbacForbidsIsReportedAsUnsupported() {
        ClusterState denied = new ClusterState(
                NOW,
                new KarpenterApi(List.of("v1")).denied(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of());
        MetricSnapshots m = KarpenterCollector.collect(denied);
        assertThat(Scraped.value(m, "tierlens_karpenter_api_supported", "version", "v1"))
                .hasValue(0.0);
    }

    @Test
    void theExpositionIsValidAndUsesTheContractNames() {
        MetricSnapshots m = KarpenterCollector.collect(state());
        String text = TextExposition.render(m);
        assertThat(TextExposition.problems(text)).isEmpty();
        assertThat(Scraped.names(m))
                .contains(
                        "tierlens_karpenter_nodepool_info",
                        "tierlens_karpenter_nodepool_limit",
                        "tierlens_karpenter_nodepool_usage",
                        "tierlens_karpenter_nodepool_ready",
                        "tierlens_karpenter_nodes",
                        "tierlens_karpenter_nodeclaims",
                        "tierlens_karpenter_nodeclaim_oldest_unready_seconds",
                        "tierlens_karpenter_node_allocatable",
                        "tierlens_karpenter_node_requests",
                        "tierlens_karpenter_pending_pods",
                        "tierlens_karpenter_pending_pod_oldest_seconds",
                        "tierlens_karpenter_disruptions_total",
                        "tierlens_karpenter_api_supported");
    }
}
