package io.tierlens.demo.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.Scraped;
import io.tierlens.cost.CostConfig;
import io.tierlens.cost.CostExplorerConfig;
import io.tierlens.cost.CostModule;
import io.tierlens.cost.NatGatewayConfig;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.session.SessionLayout;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.client.ClusterWatches;
import io.tierlens.kubernetes.client.InformerClusterWatch;
import io.tierlens.kubernetes.mock.MockKubernetesApi;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The cost exporter on the demo boundary: simulated price APIs, and a cluster in the mock API server (the one the
 * Karpenter demo fills; here a spot node of NodePool web) read through the production watch.
 */
class CostDemoTest {

    private static double requests(PrometheusRegistry registry, String service, String operation) {
        return Scraped.counter(
                registry,
                "tierlens_aws_api_requests_total",
                "service",
                service,
                "operation",
                operation,
                "outcome",
                "ok");
    }

    @Test
    void pricesTheSimulatedClusterAndCountsTheSimulatedCalls() {
        Scenario scenario = Scenario.startingNow(Clock.systemUTC(), 30, 1);
        PrometheusRegistry registry = new PrometheusRegistry();
        SelfMetrics self = new SelfMetrics(registry);
        CostConfig config = new CostConfig(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new CostExplorerConfig(true, null, List.of()),
                null,
                // no CloudWatch planner here: NAT gateways are covered by NatGatewayDemoTest
                new NatGatewayConfig(false, null));
        try (MockKubernetesApi cluster = MockKubernetesApi.start(List.of("v1"));
                KubernetesClient client = cluster.client();
                ClusterWatch watch = new InformerClusterWatch(
                        cluster.provider(),
                        scenario.realClock(),
                        ClusterWatches.SYNC_TIMEOUT,
                        ClusterWatches.WATCH_GRACE)) {
            client.nodes().resource(Fixtures.load("node-web.yaml", Node.class)).create();
            DemoApiClients clients = new DemoApiClients();
            clients.register(ClusterWatch.class, t -> watch);
            DemoModules.all(SessionLayout.INDEXED)
                    .get(CostModule.NAME)
                    .simulate(config, scenario, self)
                    .install(clients);
            Exporter exporter = new CostModule()
                    .create(
                            config,
                            new ExporterEnvironment(
                                    scenario.realClock(),
                                    List.of(AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")),
                                    clients,
                                    null,
                                    self));

            AtomicReference<RefreshResult> last = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                last.set(exporter.refresh());
                assertThat(Scraped.value(
                                last.get().data(),
                                "tierlens_cost_nodepool_hourly_usd",
                                "nodepool",
                                "web",
                                "capacity_type",
                                "spot"))
                        .isPresent();
            });
            RefreshResult r = last.get();
            assertThat(Scraped.value(
                            r.data(), "tierlens_cost_hourly_usd", "component", "eks_control_plane", "tier", "shared"))
                    .hasValue(0.10);
            assertThat(Scraped.value(r.data(), "tierlens_cost_price_age_seconds", "source", "spot_history"))
                    .isPresent();
            assertThat(Scraped.value(r.data(), "tierlens_cost_month_forecast_usd", "service", "total"))
                    .isPresent();
            assertThat(requests(registry, "pricing", "GetProducts")).isPositive();
            assertThat(requests(registry, "ec2", "DescribeSpotPriceHistory")).isPositive();
            assertThat(requests(registry, "costexplorer", "GetCostForecast")).isEqualTo(1);
            // one GetCostAndUsage (unless the test runs on the first of a month) and one forecast, $0.01 each
            assertThat(Scraped.counter(registry, "tierlens_aws_api_cost_usd_total", "service", "costexplorer"))
                    .isBetween(0.0099, 0.0201);
        }
    }
}
