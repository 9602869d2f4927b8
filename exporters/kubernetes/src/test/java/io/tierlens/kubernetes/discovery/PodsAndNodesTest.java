package io.tierlens.kubernetes.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.ResourceAmounts;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodsAndNodesTest {
    private static final Instant NOW = Instant.parse("2025-03-04T11:00:00Z");

    @Test
    void requestsFollowTheSchedulersRule() {
        // app 500m + sidecar 100m = 600m < init 1 CPU, so the init container decides; plus 10m overhead.
        // memory: 512Mi + 128Mi sidecar > 64Mi init.
        ResourceAmounts r = PodRequests.of(Fixtures.load("pod-running.yaml", Pod.class));

        assertThat(r.cpuCores()).isCloseTo(1.01, within(1e-9));
        assertThat(r.memoryBytes()).isEqualTo(640.0 * 1024 * 1024);
        assertThat(r.pods()).isEqualTo(1);
    }

    @Test
    void aPodWithoutRequestsStillTakesAPodSlot() {
        Pod p = new PodBuilder()
                .withNewMetadata()
                .withName("x")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .endContainer()
                .endSpec()
                .build();
        assertThat(PodRequests.of(p)).isEqualTo(new ResourceAmounts(0, 0, 1));
    }

    @Test
    void pendingReasonsComeFromPodScheduled() {
        assertThat(PendingReasons.of(Fixtures.load("pod-pending.yaml", Pod.class)))
                .contains("unschedulable");
        assertThat(PendingReasons.of(Fixtures.load("pod-running.yaml", Pod.class)))
                .isEmpty();

        Pod gated = Fixtures.load("pod-pending.yaml", Pod.class);
        gated.getStatus().getConditions().get(0).setReason("SchedulingGated");
        assertThat(PendingReasons.of(gated)).contains("scheduling_gated");

        Pod fresh = Fixtures.load("pod-pending.yaml", Pod.class);
        fresh.getStatus().setConditions(java.util.List.of());
        assertThat(PendingReasons.of(fresh)).contains("not_scheduled_yet");

        Pod starting = Fixtures.load("pod-running.yaml", Pod.class);
        starting.getStatus().setPhase("Pending");
        assertThat(PendingReasons.of(starting)).contains("starting");
    }

    @Test
    void readsKarpenterAndManagedNodes() {
        ClusterNode web = NodeParser.parse(Fixtures.load("node-web.yaml", Node.class), NOW);
        assertThat(web.nodePool()).isEqualTo("web");
        assertThat(web.shape()).isEqualTo(new InstanceShape("c6i.large", "spot", "ap-northeast-2a"));
        assertThat(web.allocatable().cpuCores()).isCloseTo(1.93, within(1e-9));
        assertThat(web.allocatable().memoryBytes()).isEqualTo(3114.0 * 1024 * 1024);
        assertThat(web.allocatable().pods()).isEqualTo(29);
        assertThat(web.ready()).isTrue();

        ClusterNode managed = NodeParser.parse(Fixtures.load("node-managed.yaml", Node.class), NOW);
        assertThat(managed.nodePool()).isEmpty();
        assertThat(managed.shape()).isEqualTo(new InstanceShape("m6i.large", "on-demand", "ap-northeast-2b"));
    }
}
