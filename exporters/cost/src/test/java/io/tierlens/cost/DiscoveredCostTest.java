package io.tierlens.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.inventory.DiscoveredLoadBalancer;
import io.tierlens.core.inventory.Published;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.NatGatewayApi;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.model.NatGateway;
import io.tierlens.cost.testing.Fakes;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.KarpenterApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cost exporter on the real CloudWatch planner with an empty {@code inventory:} section: ALBs from the board,
 * NAT gateways from DescribeNatGateways and their bytes from {@code AWS/NATGateway}, unit prices from GetProducts.
 */
class DiscoveredCostTest {
    private static final double GB = 1024.0 * 1024 * 1024;
    private final TestEnvironment env = new TestEnvironment();
    private final List<NatGateway> gateways = new ArrayList<>(List.of(
            new NatGateway("nat-0a1", "vpc-1", "subnet-a", "available", "public", Map.of()),
            new NatGateway("nat-0b2", "vpc-1", "subnet-b", "available", "public", Map.of())));
    private RuntimeException natFailure;

    DiscoveredCostTest() {
        env.fakes(NatGatewayApi.class, t -> (NatGatewayApi) () -> {
            if (natFailure != null) {
                throw natFailure;
            }
            return List.copyOf(gateways);
        });
        env.fakes(PricingApi.class, t -> (PricingApi) Fakes::seoulUnitPriceAnswer);
        env.fakes(SpotPriceApi.class, t -> new Fakes.Spot());
        env.fakes(CostExplorerApi.class, t -> new Fakes.CostExplorer());
        env.fakes(ClusterWatch.class, t -> new ClusterWatch() {
            @Override
            public ClusterState snapshot() {
                return new ClusterState(
                        env.clock.instant(),
                        new KarpenterApi(List.of("v1")),
                        List.of(),
                        List.of(),
                        List.of(),
                        Map.of(),
                        List.of(),
                        Map.of(),
                        List.of());
            }

            @Override
            public void close() {}
        });
    }

    private CostExporter exporter() {
        // the fake answers the newest period only: fetch every period so that it is the one served
        CostConfig config = new CostConfig(
                null,
                null,
                null,
                null,
                "ap-northeast-2",
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
                new NatGatewayConfig(null, java.time.Duration.ofMinutes(1)));
        return (CostExporter) new CostModule().create(config, env.environment());
    }

    @Test
    void natGatewaysPayTheirHoursAndTheBytesCloudWatchCountsThroughThePlanner() throws Exception {
        // 60 s periods: 4.5 GiB out to destination and 0.5 GiB back to source per minute at nat-0a1 = 300 GiB/h
        env.cloudWatchApi.answer(q -> !q.namespace().equals("AWS/NATGateway")
                ? Optional.empty()
                : q.dimensions().get("NatGatewayId").equals("nat-0a1")
                        ? Optional.of(q.metricName().equals("BytesOutToDestination") ? 4.5 * GB : 0.5 * GB)
                        : Optional.of(0.0));

        RefreshResult r = exporter().refresh();

        // 2 x 0.059/h + 300 GB x 0.059/GB (Seoul, from GetProducts)
        assertThat(Scraped.value(r.data(), "tierlens_cost_hourly_usd", "component", "nat_gateway", "tier", "shared"))
                .hasValueCloseTo(2 * 0.059 + 300 * 0.059, within(1e-9));
        assertThat(Scraped.value(
                        r.data(),
                        "tierlens_cost_hourly_by_source_usd",
                        "component",
                        "nat_gateway",
                        "tier",
                        "shared",
                        "source",
                        "discovered"))
                .isPresent();
        assertThat(Scraped.value(
                        r.data(),
                        "tierlens_cost_unit_price_usd",
                        "component",
                        "nat_gateway",
                        "unit",
                        "gb_processed",
                        "pricing_source",
                        "ondemand_list"))
                .hasValue(0.059);
        List<MetricQuery> asked = env.cloudWatchApi.calls().get(0).metricQueries();
        assertThat(asked).hasSize(4).allSatisfy(q -> {
            assertThat(q.namespace()).isEqualTo("AWS/NATGateway");
            assertThat(q.statistic()).isEqualTo("Sum");
        });
        assertThat(r.targets())
                .filteredOn(t -> t.target()
                        .equals(TestEnvironment.TARGET
                                .inRegion("ap-northeast-2")
                                .key()))
                .singleElement()
                .satisfies(t -> assertThat(t.up()).isTrue());
    }

    @Test
    void aFailingDescribeNatGatewaysIsItsOwnTargetDownWhileTheRestIsPriced() throws Exception {
        natFailure = new IllegalStateException("DescribeNatGateways refused");
        env.inventory.publish(
                DiscoveredLoadBalancer.class,
                new Published<>(
                        TestEnvironment.TARGET.inRegion("ap-northeast-2").key(),
                        List.of(new DiscoveredLoadBalancer("web", "internet-facing", "", Optional.of(2.0), Map.of())),
                        env.clock.instant()));

        RefreshResult r = exporter().refresh();

        TargetStatus nat = r.targets().stream()
                .filter(t -> t.target().endsWith("/ap-northeast-2"))
                .findFirst()
                .orElseThrow();
        assertThat(nat.up()).isFalse();
        assertThat(nat.dataTimestamp()).isEmpty();
        assertThat(Scraped.value(r.data(), "tierlens_cost_hourly_usd", "component", "alb", "tier", "web"))
                .hasValueCloseTo(0.0225 + 2 * 0.008, within(1e-12));
        assertThat(Scraped.value(r.data(), "tierlens_cost_hourly_usd", "component", "nat_gateway", "tier", "shared"))
                .isEmpty();
    }

    @Test
    void thePlanCountsTwoQueriesPerNatGateway() {
        CostModule m = new CostModule();
        CostConfig config = new CostConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(m.inventoryKinds()).containsExactly("nat_gateway");
        assertThat(m.plannedQueries(config, Map.of("nat_gateway", 3))).hasSize(6);
        assertThat(m.plannedQueries(
                        new CostConfig(
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
                                null,
                                null,
                                new NatGatewayConfig(false, null)),
                        Map.of("nat_gateway", 3)))
                .isEmpty();
    }
}
