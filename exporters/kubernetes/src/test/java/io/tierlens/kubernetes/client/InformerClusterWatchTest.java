package io.tierlens.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.LogCapture;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.kubernetes.mock.MockKubernetesApi;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import io.tierlens.kubernetes.model.NodePool;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watches against fabric8's mock API server in CRUD mode: real HTTP, real watch events. */
class InformerClusterWatchTest {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.now());
    private MockKubernetesApi api;
    private KubernetesClient client;
    private InformerClusterWatch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private void startCluster(List<String> karpenterVersions) {
        api = MockKubernetesApi.start(karpenterVersions);
        client = api.client();
        watch = new InformerClusterWatch(api.provider(), clock, Duration.ofSeconds(30), GRACE);
    }

    private void createFixtures() {
        nodePools().resource(Fixtures.generic("nodepool-web.yaml")).create();
        nodePools().resource(Fixtures.generic("nodepool-was.yaml")).create();
        nodeClaims()
                .resource(Fixtures.generic("nodeclaim-web-initialized.yaml"))
                .create();
        nodeClaims().resource(Fixtures.generic("nodeclaim-was-launching.yaml")).create();
        client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();
        client.nodes().resource(Fixtures.load("node-managed.yaml", Node.class)).create();
        client.pods()
                .inNamespace("web")
                .resource(Fixtures.load("pod-running.yaml", Pod.class))
                .create();
        client.pods()
                .inNamespace("was")
                .resource(Fixtures.load("pod-pending.yaml", Pod.class))
                .create();
    }

    @Test
    void theFirstSnapshotHasEverythingTheInitialListReturned() throws Exception {
        startCluster(List.of("v1"));
        createFixtures();

        ClusterState s = watch.snapshot();

        assertThat(s.api().v1()).isTrue();
        assertThat(s.nodePools()).extracting(NodePool::name).containsExactlyInAnyOrder("web", "was");
        assertThat(s.nodeClaims()).hasSize(2);
        assertThat(s.nodes()).extracting(ClusterNode::nodePool).containsExactlyInAnyOrder("web", "");
        assertThat(s.requestsByNode()).containsOnlyKeys("ip-10-0-1-23.ap-northeast-2.compute.internal");
        assertThat(s.pendingPods()).singleElement().satisfies(p -> {
            assertThat(p.namespace()).isEqualTo("was");
            assertThat(p.reason()).isEqualTo("unschedulable");
        });
    }

    @Test
    void watchEventsUpdateTheSnapshotWithoutFurtherListCalls() throws Exception {
        startCluster(List.of("v1"));
        createFixtures();
        watch.snapshot();
        api.takeRequests();

        // added
        Node extra = Fixtures.load("node-web.yaml", Node.class);
        extra.getMetadata().setName("ip-10-0-1-99.ap-northeast-2.compute.internal");
        client.nodes().resource(extra).create();
        // modified: the launching claim registers and initializes
        GenericKubernetesResource claim = Fixtures.generic("nodeclaim-web-initialized.yaml");
        claim.getMetadata().setName("was-9q4mz");
        claim.getMetadata().setUid("0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d");
        nodeClaims().resource(claim).update();
        // deleted: the pending pod was scheduled elsewhere and removed
        client.pods().inNamespace("was").withName("app-7f9c8d6b5-xyz12").delete();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ClusterState s = watch.snapshot();
            assertThat(s.nodes()).hasSize(3);
            assertThat(s.nodeClaims()).allSatisfy(c -> assertThat(c.phase()).isEqualTo(NodeClaimPhase.INITIALIZED));
            assertThat(s.pendingPods()).isEmpty();
        });
        watch.snapshot();
        assertThat(api.takeRequests())
                .as("after the initial list, the only requests are this test's own writes")
                .isNotEmpty()
                .noneSatisfy(r -> assertThat(isList(r)).isTrue());
    }

    @Test
    void aClaimDeletedThroughItsFinalizerCountsAsOneDisruption() throws Exception {
        startCluster(List.of("v1"));
        createFixtures();
        watch.snapshot();

        nodeClaims().withName("web-x7k2p").delete();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(watch.snapshot().nodeClaims())
                        .anySatisfy(c -> assertThat(c.phase()).isEqualTo(NodeClaimPhase.DISRUPTING)));
        GenericKubernetesResource terminating =
                nodeClaims().withName("web-x7k2p").get();
        terminating.getMetadata().setFinalizers(List.of());
        nodeClaims().resource(terminating).update();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(watch.snapshot().nodeClaims()).hasSize(1));
        assertThat(watch.snapshot().disruptions()).isEqualTo(java.util.Map.of(new DisruptionKey("web", "other"), 1L));
    }

    @Test
    void aV1beta1ClusterIsReportedNotRead() throws Exception {
        try (LogCapture logs = LogCapture.of(InformerClusterWatch.class)) {
            startCluster(List.of("v1beta1"));
            client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();

            ClusterState s = watch.snapshot();

            assertThat(s.api().v1()).isFalse();
            assertThat(s.api().served()).containsExactly("v1beta1");
            assertThat(s.nodePools()).isEmpty();
            assertThat(s.nodes()).hasSize(1);
            assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("v1beta1", "Karpenter 1.0+"));
        }
    }

    @Test
    void forbiddenKarpenterResourcesDegradeToNodesAndPodsLikeAnOldKarpenter() throws Exception {
        try (LogCapture logs = LogCapture.of(InformerClusterWatch.class)) {
            // RBAC without karpenter.sh: discovery still shows v1, but listing NodePools and NodeClaims is 403
            api = MockKubernetesApi.start(List.of("v1"), 0, List.of("/apis/karpenter.sh/v1/"));
            client = api.client();
            watch = new InformerClusterWatch(api.provider(), clock, Duration.ofSeconds(30), GRACE);
            client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();
            client.pods()
                    .inNamespace("was")
                    .resource(Fixtures.load("pod-pending.yaml", Pod.class))
                    .create();

            ClusterState s = watch.snapshot();

            assertThat(s.nodes()).extracting(ClusterNode::nodePool).containsExactly("web");
            assertThat(s.pendingPods())
                    .singleElement()
                    .satisfies(p -> assertThat(p.namespace()).isEqualTo("was"));
            assertThat(s.nodePools()).isEmpty();
            assertThat(s.nodeClaims()).isEmpty();
            assertThat(s.api().v1()).isTrue();
            assertThat(s.api().accessDenied()).isTrue();
            assertThat(s.api().readable()).isFalse();
            ClusterState again = watch.snapshot();
            assertThat(again.nodes()).hasSize(1);
            assertThat(logs.warnings())
                    .as("one warning, not one per refresh")
                    .singleElement()
                    .satisfies(w -> assertThat(w).contains("forbidden", "node and pending-pod metrics continue"));

            // RBAC is fixed later: the next discovery recheck starts the NodePool and NodeClaim watches
            api.allow();
            nodePools().resource(Fixtures.generic("nodepool-web.yaml")).create();
            clock.advance(InformerClusterWatch.API_RECHECK);
            ClusterState allowed = watch.snapshot();
            assertThat(allowed.api().readable()).isTrue();
            assertThat(allowed.nodePools()).extracting(NodePool::name).containsExactly("web");
            assertThat(allowed.nodes()).hasSize(1);
        }
    }

    @Test
    void withoutKarpenterOnlyNodesAndPodsAreWatched() throws Exception {
        startCluster(List.of());
        client.nodes().resource(Fixtures.load("node-managed.yaml", Node.class)).create();

        ClusterState s = watch.snapshot();

        assertThat(s.api().installed()).isFalse();
        assertThat(s.nodes()).hasSize(1);
    }

    @Test
    void anUnreachableApiServerFailsTheFirstSnapshotAndTheNextOneRetries() throws Exception {
        startCluster(List.of("v1"));
        int port = api.port();
        api.close();
        api = null;

        assertThatThrownBy(() -> watch.snapshot())
                .isInstanceOf(ExporterException.class)
                .satisfies(e -> assertThat(((ExporterException) e).reason()).isEqualTo(FailureReason.UNREACHABLE));

        api = MockKubernetesApi.start(List.of("v1"), port);
        assertThat(watch.snapshot().api().v1()).isTrue();
    }

    @Test
    void aDroppedWatchIsToleratedForTheGracePeriodThenReportedAndReconnects() throws Exception {
        startCluster(List.of("v1"));
        createFixtures();
        watch.snapshot();
        int port = api.port();
        api.close();
        api = null;

        // a watch that just dropped is within its grace period: the cached state is still served
        assertThat(watch.snapshot().nodes()).hasSize(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            clock.advance(GRACE);
            assertThatThrownBy(() -> watch.snapshot())
                    .isInstanceOf(ExporterException.class)
                    .hasMessageContaining("watch has been down");
        });

        // the API server comes back (empty: a new mock); fabric8 reconnects the watches by itself
        api = MockKubernetesApi.start(List.of("v1"), port);
        client.close();
        client = api.client();
        Node back = Fixtures.load("node-web.yaml", Node.class);
        back.getMetadata().setName("ip-10-0-9-9.ap-northeast-2.compute.internal");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreException(ExporterException.class) // reported while the watches are still reconnecting
                .untilAsserted(() -> {
                    if (client.nodes().withName(back.getMetadata().getName()).get() == null) {
                        client.nodes().resource(back).create();
                    }
                    assertThat(watch.snapshot().nodes())
                            .extracting(ClusterNode::name)
                            .contains(back.getMetadata().getName());
                });
    }

    /** A collection GET that is not a watch: what an informer does when it (re)lists. */
    private static boolean isList(String request) {
        String path = request.substring(request.indexOf(' ') + 1);
        String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return request.startsWith("GET ")
                && !path.contains("watch=true")
                && (base.endsWith("/nodes")
                        || base.endsWith("/pods")
                        || base.endsWith("/nodepools")
                        || base.endsWith("/nodeclaims"));
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
            nodePools() {
        return client.genericKubernetesResources(InformerClusterWatch.NODEPOOLS);
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
            nodeClaims() {
        return client.genericKubernetesResources(InformerClusterWatch.NODECLAIMS);
    }
}
