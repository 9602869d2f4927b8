package io.tierlens.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.LiveApiClients;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.cost.testing.Fakes;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exporter as the module wires it for production: real SDK clients against a stub, a fixed cluster. */
class CostExporterTest {
    private final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = MutableClock.at("2026-01-10T12:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private LiveApiClients clients;

    @BeforeEach
    void start() {
        stub.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        SelfMetrics self = new SelfMetrics(registry);
        clients = new LiveApiClients(new AwsClientFactory(
                new AwsConfig(
                        "http://localhost:" + stub.port(), null, Duration.ofSeconds(20), null, 1, null, null, null),
                self));
    }

    @AfterEach
    void stop() {
        clients.close();
        stub.stop();
    }

    private static ClusterState cluster(KarpenterApi api) {
        return new ClusterState(
                clockStart(),
                api,
                List.of(),
                List.of(),
                List.of(
                        new ClusterNode(
                                "ip-10-0-1-23.ap-northeast-2.compute.internal",
                                "web",
                                new InstanceShape("c6i.large", "spot", "ap-northeast-2a"),
                                new ResourceAmounts(1.93, 3.2e9, 29),
                                true,
                                clockStart()),
                        new ClusterNode(
                                "ip-10-0-2-40.ap-northeast-2.compute.internal",
                                "was",
                                new InstanceShape("m6i.xlarge", "on-demand", "ap-northeast-2b"),
                                new ResourceAmounts(3.92, 15e9, 58),
                                true,
                                clockStart())),
                Map.of(),
                List.of(),
                Map.of(),
                List.of());
    }

    private static java.time.Instant clockStart() {
        return java.time.Instant.parse("2026-01-10T12:00:00Z");
    }

    @Test
    void aFailingPricingApiIsThePricingTargetDownWhileKubernetesStaysUp() throws Exception {
        // No stub: every AWS call is answered 404, a remote error.
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
                Map.of("total", 3000.0),
                null,
                null,
                null,
                null,
                null,
                new NatGatewayConfig(false, null));
        ExporterEnvironment env = new ExporterEnvironment(
                clock,
                List.of(AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")),
                clients,
                null,
                new SelfMetrics(new PrometheusRegistry()));
        clients.get(
                ClusterWatch.class,
                config.connection().target(),
                t -> new FixedCluster(cluster(new KarpenterApi(List.of("v1")))));
        Exporter exporter = new CostModule().create(config, env);

        RefreshResult r = exporter.refresh();

        assertThat(r.targets())
                .filteredOn(t -> t.target().equals("kubernetes"))
                .singleElement()
                .satisfies(t -> assertThat(t.up()).isTrue());
        assertThat(r.targets())
                .filteredOn(t -> t.target().equals("pricing"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.up()).isFalse();
                    assertThat(t.reasons()).isNotEmpty();
                    assertThat(t.dataTimestamp()).isEmpty();
                });
    }

    /**
     * Also with RBAC that forbids NodePools and NodeClaims: the nodes are still priced, and the missing part is a
     * partial failure (access_denied), not a silent gap.
     */
    @ParameterizedTest(name = "karpenter.sh forbidden: {0}")
    @ValueSource(booleans = {false, true})
    void pricesComeFromUsEast1PricingAndTheClusterRegionsSpotHistory(boolean karpenterForbidden) throws Exception {
        stub.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"FormatVersion\":\"aws_v1\",\"PriceList\":["
                                + new com.fasterxml.jackson.databind.ObjectMapper()
                                        .writeValueAsString(
                                                Fakes.ec2Document("ap-northeast-2", "m6i.xlarge", "0.2360000000"))
                                + "]}")));
        stub.stubFor(post("/")
                .withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                                <DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                                  <requestId>r1</requestId>
                                  <spotPriceHistorySet><item><instanceType>c6i.large</instanceType>
                                    <productDescription>Linux/UNIX</productDescription><spotPrice>0.0312</spotPrice>
                                    <timestamp>2026-01-10T11:00:00.000Z</timestamp>
                                    <availabilityZone>ap-northeast-2a</availabilityZone></item></spotPriceHistorySet>
                                </DescribeSpotPriceHistoryResponse>""")));
        KarpenterApi v1 = new KarpenterApi(List.of("v1"));
        ClusterState state = cluster(karpenterForbidden ? v1.denied() : v1);
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
                Map.of("total", 3000.0),
                null,
                null,
                null,
                null,
                null,
                new NatGatewayConfig(false, null));
        ExporterEnvironment env = new ExporterEnvironment(
                clock,
                List.of(AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")),
                clients,
                null,
                new SelfMetrics(new PrometheusRegistry()));
        // the shared watch is handed out by ApiClients: seed it with a fixed cluster
        clients.get(ClusterWatch.class, config.connection().target(), t -> new FixedCluster(state));
        Exporter exporter = new CostModule().create(config, env);

        RefreshResult r = exporter.refresh();

        assertThat(r.partialFailures())
                .extracting(RefreshResult.PartialFailure::reason)
                .containsExactlyElementsOf(karpenterForbidden ? List.of("access_denied") : List.of());
        assertThat(Scraped.value(
                        r.data(),
                        "tierlens_cost_node_hourly_usd",
                        "nodepool",
                        "was",
                        "pricing_source",
                        "ondemand_list"))
                .hasValue(0.236);
        assertThat(Scraped.value(
                        r.data(), "tierlens_cost_node_hourly_usd", "nodepool", "web", "pricing_source", "spot_history"))
                .hasValue(0.0312);
        assertThat(Scraped.value(r.data(), "tierlens_cost_budget_monthly_usd", "scope", "total"))
                .hasValue(3000.0);
        // the savings counter exists at 0 for every NodePool seen, before its first consolidation (issue 12)
        assertThat(Scraped.value(r.data(), "tierlens_cost_consolidation_savings_usd_total", "nodepool", "web"))
                .hasValue(0.0);
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .withHeader("Authorization", containing("/us-east-1/pricing/aws4_request")));
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .withHeader("Authorization", containing("/ap-northeast-2/ec2/aws4_request")));

        // within the hour, refreshes reuse the price book
        int calls = stub.getAllServeEvents().size();
        clock.advance(Duration.ofMinutes(1));
        exporter.refresh();
        assertThat(stub.getAllServeEvents()).hasSize(calls);
    }

    /** A cluster that does not change. */
    private record FixedCluster(ClusterState state) implements ClusterWatch {
        @Override
        public ClusterState snapshot() {
            return state;
        }

        @Override
        public void close() {}
    }
}
