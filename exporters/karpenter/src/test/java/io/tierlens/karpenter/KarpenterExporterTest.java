package io.tierlens.karpenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.kubernetes.client.InformerClusterWatch;
import io.tierlens.kubernetes.mock.MockKubernetesApi;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KarpenterExporterTest {

    @Test
    void anUnreachableApiServerMakesTheExporterDownButKeepsTheLastGoodData() {
        MutableClock clock = new MutableClock(Instant.now());
        PrometheusRegistry registry = new PrometheusRegistry();
        KarpenterConfig config = new KarpenterConfig(null, null, null, null, null);
        MockKubernetesApi api = MockKubernetesApi.start(List.of("v1"));
        try (KubernetesClient client = api.client();
                InformerClusterWatch watch = new InformerClusterWatch(
                        api.provider(), clock, Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            client.genericKubernetesResources(InformerClusterWatch.NODEPOOLS)
                    .resource(Fixtures.generic("nodepool-web.yaml"))
                    .create();
            client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();
            ExporterRunner runner =
                    new ExporterRunner(new KarpenterExporter(config, watch), new SelfMetrics(registry), clock, 50_000);

            runner.refreshOnce();
            assertThat(runner.state().up()).isTrue();
            assertThat(Scraped.value(runner.servable(), "tierlens_karpenter_nodepool_ready", "nodepool", "web"))
                    .hasValue(1.0);

            api.close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                clock.advance(Duration.ofSeconds(31));
                runner.refreshOnce();
                return !runner.state().up();
            });

            assertThat(runner.state().lastErrorReason()).contains("unreachable");
            assertThat(Scraped.value(runner.servable(), "tierlens_karpenter_nodepool_ready", "nodepool", "web"))
                    .as("last good data is served until max_staleness (5m)")
                    .hasValue(1.0);
            assertThat(Scraped.counter(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "karpenter",
                            "target",
                            "kubernetes",
                            "reason",
                            "unreachable"))
                    .isGreaterThanOrEqualTo(1);
            // Issue 12: the blind spot is named, and the data age does not pretend the cached view is fresh.
            assertThat(runner.state().target("kubernetes").orElseThrow().up()).isFalse();
        } finally {
            api.close();
        }
    }

    @Test
    void forbiddenNodePoolsAndNodeClaimsLeaveNodesAndPendingPodsServedAndCountAccessDenied() {
        MutableClock clock = new MutableClock(Instant.now());
        PrometheusRegistry registry = new PrometheusRegistry();
        KarpenterConfig config = new KarpenterConfig(null, null, null, null, null);
        MockKubernetesApi api = MockKubernetesApi.start(List.of("v1"), 0, List.of("/apis/karpenter.sh/v1/"));
        try (KubernetesClient client = api.client();
                InformerClusterWatch watch = new InformerClusterWatch(
                        api.provider(), clock, Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();
            client.pods()
                    .inNamespace("was")
                    .resource(Fixtures.load("pod-pending.yaml", Pod.class))
                    .create();
            ExporterRunner runner =
                    new ExporterRunner(new KarpenterExporter(config, watch), new SelfMetrics(registry), clock, 50_000);

            runner.refreshOnce();
            runner.refreshOnce();

            // Issue 12: the kubernetes target is not fully read, so it is down with access_denied (no false green),
            // while what it could read is served.
            assertThat(runner.state().target("kubernetes").orElseThrow().up()).isFalse();
            assertThat(Scraped.value(
                            runner.servable(),
                            "tierlens_karpenter_nodes",
                            "nodepool",
                            "web",
                            "instance_type",
                            "c6i.large"))
                    .hasValue(1.0);
            assertThat(Scraped.value(
                            runner.servable(),
                            "tierlens_karpenter_pending_pods",
                            "namespace",
                            "was",
                            "reason",
                            "unschedulable"))
                    .hasValue(1.0);
            assertThat(Scraped.value(runner.servable(), "tierlens_karpenter_api_supported", "version", "v1"))
                    .as("reported as a cluster whose v1 is not read, like v1beta1")
                    .hasValue(0.0);
            assertThat(Scraped.counter(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "karpenter",
                            "target",
                            "kubernetes",
                            "reason",
                            "access_denied"))
                    .as("counted on every refresh while it lasts")
                    .isEqualTo(2.0);
        } finally {
            api.close();
        }
    }
}
