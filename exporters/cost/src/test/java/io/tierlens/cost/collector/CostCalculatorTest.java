package io.tierlens.cost.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.cost.DiscountConfig;
import io.tierlens.cost.discovery.StaticUnitPriceTable;
import io.tierlens.cost.model.Component;
import io.tierlens.cost.model.ControlPlane;
import io.tierlens.cost.model.CostBreakdown;
import io.tierlens.cost.model.CostBreakdown.ComponentTier;
import io.tierlens.cost.model.CostBreakdown.ComponentTierSource;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.LoadBalancerUsage;
import io.tierlens.cost.model.NatGatewayUsage;
import io.tierlens.cost.model.NodeCost;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.Source;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.model.UnitPriceTable;
import io.tierlens.cost.model.VolumeUsage;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every expectation below is worked out by hand in the comments. */
class CostCalculatorTest {
    static final Instant T = Instant.parse("2026-01-10T12:00:00Z");
    static final InstanceShape WEB_SPOT = new InstanceShape("c6i.large", "spot", "ap-northeast-2a");
    static final InstanceShape WAS_OD = new InstanceShape("m6i.xlarge", "on-demand", "ap-northeast-2b");
    static final InstanceShape SYS_OD = new InstanceShape("m6i.large", "on-demand", "ap-northeast-2c");
    static final DatabaseInstance DB = new DatabaseInstance("app-db", "db.r6g.large", "mysql", true, 100, "db");

    static final PriceBook PRICES = new PriceBook(
            Map.of(
                    "m6i.xlarge", new Price(0.236, PricingSource.ONDEMAND_LIST, T),
                    "m6i.large", new Price(0.118, PricingSource.ONDEMAND_LIST, T)),
            Map.of(PriceBook.spotKey("c6i.large", "ap-northeast-2a"), new Price(0.0312, PricingSource.SPOT_HISTORY, T)),
            Map.of(PriceBook.databaseKey(DB), new Price(0.516, PricingSource.ONDEMAND_LIST, T)),
            new StaticPrices(T, Map.of(), Map.of()),
            0.35);

    static ClusterState cluster() {
        return new ClusterState(
                T,
                new KarpenterApi(List.of("v1")),
                List.of(),
                List.of(),
                List.of(
                        new ClusterNode("n1", "web", WEB_SPOT, new ResourceAmounts(2, 4e9, 29), true, T),
                        new ClusterNode("n2", "was", WAS_OD, new ResourceAmounts(4, 16e9, 58), true, T),
                        new ClusterNode("n3", "default", SYS_OD, new ResourceAmounts(2, 8e9, 29), true, T),
                        new ClusterNode(
                                "n4",
                                "default",
                                new InstanceShape("x9.huge", "on-demand", "ap-northeast-2a"),
                                new ResourceAmounts(2, 8e9, 29),
                                true,
                                T)),
                Map.of(
                        "n1", new ResourceAmounts(1.5, 1e9, 3),
                        "n2", new ResourceAmounts(4, 20e9, 4)),
                List.of(),
                Map.of(),
                List.of());
    }

    static final Inventory INVENTORY = new Inventory(
            List.of(new ControlPlane("", false, Source.ESTIMATED)),
            List.of(new LoadBalancerUsage("web-alb", "web", 2.5, Source.DISCOVERED)),
            List.of(DB),
            List.of(
                    new NatGatewayUsage("nat-a", "shared", 0, Source.DISCOVERED),
                    new NatGatewayUsage("nat-b", "shared", 0, Source.DISCOVERED)),
            List.of(new VolumeUsage("web", 73.0, Source.CONFIGURED), new VolumeUsage("was", 146.0, Source.ESTIMATED)));

    static final UnitPriceTable US_EAST_1 =
            new UnitPriceTable(StaticUnitPriceTable.bundled().forRegion("us-east-1"));

    static final Map<String, String> TIERS = Map.of("web", "web", "was", "was");

    static CostBreakdown compute(DiscountConfig discounts) {
        return CostCalculator.compute(
                cluster(), PRICES, INVENTORY, US_EAST_1, pool -> TIERS.getOrDefault(pool, "shared"), discounts);
    }

    @Test
    void nodesArePricedAndTheirIdleShareIsTheMeanOfUnrequestedCpuAndMemory() {
        CostBreakdown b = compute(new DiscountConfig(null, null));

        Map<String, NodeCost> byName =
                b.nodes().stream().collect(java.util.stream.Collectors.toMap(NodeCost::node, n -> n));
        // n1: cpu 1.5/2 = .75, memory 1/4 = .25 → idle 1 - (.75 + .25) / 2 = .5
        assertThat(byName.get("n1").idleShare()).isCloseTo(0.5, within(1e-12));
        assertThat(byName.get("n1").idleUsdPerHour()).isCloseTo(0.0156, within(1e-12));
        // n2: requests above allocatable are clamped: nothing idle
        assertThat(byName.get("n2").idleShare()).isZero();
        // n3: nothing requested: all idle
        assertThat(byName.get("n3").idleShare()).isEqualTo(1.0);
        assertThat(byName).doesNotContainKey("n4");
        assertThat(b.unpricedNodes()).isEqualTo(Map.of("default", 1L));
    }

    @Test
    void componentCostsPerTierAtListPrice() {
        Map<ComponentTier, Double> h = compute(new DiscountConfig(null, null)).hourly();

        assertThat(h.get(key(Component.EKS_CONTROL_PLANE, "shared"))).isCloseTo(0.10, within(1e-12));
        assertThat(h.get(key(Component.NODES, "web"))).isCloseTo(0.0312, within(1e-12));
        assertThat(h.get(key(Component.NODES, "was"))).isCloseTo(0.236, within(1e-12));
        assertThat(h.get(key(Component.NODES, "shared"))).isCloseTo(0.118, within(1e-12));
        // 0.0225/h + 2.5 LCU x 0.008
        assertThat(h.get(key(Component.ALB, "web"))).isCloseTo(0.0425, within(1e-12));
        // Multi-AZ instance 0.516 + 100 GB x 0.115 / 730 h x 2 copies
        assertThat(h.get(key(Component.RDS, "db"))).isCloseTo(0.516 + 23.0 / 730, within(1e-12));
        assertThat(h.get(key(Component.NAT_GATEWAY, "shared"))).isCloseTo(0.09, within(1e-12));
        // 73 GB x 0.08 / 730 h
        assertThat(h.get(key(Component.EBS, "web"))).isCloseTo(0.008, within(1e-12));
        assertThat(h.get(key(Component.EBS, "was"))).isCloseTo(0.016, within(1e-12));
        assertThat(h).hasSize(9);
    }

    @Test
    void theSourceSplitAddsUpToEachComponentAndTier() {
        CostBreakdown b = compute(new DiscountConfig(null, null));

        Map<ComponentTier, Double> summed = new java.util.HashMap<>();
        b.bySource().forEach((k, v) -> summed.merge(key(k.component(), k.tier()), v, Double::sum));
        assertThat(summed.keySet()).isEqualTo(b.hourly().keySet());
        summed.forEach((k, v) -> assertThat(v).isCloseTo(b.hourly().get(k), within(1e-12)));
        assertThat(b.bySource())
                .containsKey(new ComponentTierSource(Component.EKS_CONTROL_PLANE, "shared", Source.ESTIMATED))
                .containsKey(new ComponentTierSource(Component.EBS, "web", Source.CONFIGURED))
                .containsKey(new ComponentTierSource(Component.EBS, "was", Source.ESTIMATED))
                .containsKey(new ComponentTierSource(Component.NODES, "was", Source.DISCOVERED));
    }

    @Test
    void natGatewaysPayTheirHoursAndEveryGigabyteTheyProcess() {
        Inventory inv = new Inventory(
                List.of(),
                List.of(),
                List.of(),
                List.of(new NatGatewayUsage("nat-a", "shared", 12.5, Source.DISCOVERED)),
                List.of());
        UnitPriceTable seoul = new UnitPriceTable(StaticUnitPriceTable.bundled().forRegion("ap-northeast-2"));

        CostBreakdown b =
                CostCalculator.compute(cluster(), PRICES, inv, seoul, p -> "shared", new DiscountConfig(null, null));

        // ap-northeast-2: 0.059/h + 12.5 GB/h x 0.059/GB
        assertThat(b.hourly().get(key(Component.NAT_GATEWAY, "shared"))).isCloseTo(0.059 + 12.5 * 0.059, within(1e-12));
    }

    @Test
    void aControlPlanePastStandardSupportPaysTheExtendedRate() {
        Inventory inv = new Inventory(
                List.of(new ControlPlane("1.28", true, Source.CONFIGURED)), List.of(), List.of(), List.of(), List.of());

        CostBreakdown b = CostCalculator.compute(
                cluster(), PRICES, inv, US_EAST_1, p -> "shared", new DiscountConfig(null, null));

        assertThat(b.hourly().get(key(Component.EKS_CONTROL_PLANE, "shared"))).isCloseTo(0.60, within(1e-12));
    }

    @Test
    void provisionedIopsAreBilledForIo1AndNotForGp3() {
        DatabaseInstance io1 = new DatabaseInstance(
                "a", "db.r6g.large", "mysql", false, "io1", 100, Optional.of(1000), "db", Source.DISCOVERED);
        DatabaseInstance gp3 = new DatabaseInstance(
                "b", "db.r6g.large", "mysql", true, "gp3", 100, Optional.of(3000), "db", Source.DISCOVERED);
        DatabaseInstance aurora = new DatabaseInstance(
                "c", "db.r6g.large", "aurora-mysql", false, "aurora", 0, Optional.empty(), "db", Source.DISCOVERED);

        // io1 single-AZ: (100 GB x 0.115 + 1000 IOPS x 0.10) / 730
        assertThat(CostCalculator.databaseStorage(io1, US_EAST_1)).isCloseTo((11.5 + 100) / 730, within(1e-12));
        // gp3 Multi-AZ: baseline IOPS are included, storage twice
        assertThat(CostCalculator.databaseStorage(gp3, US_EAST_1)).isCloseTo(11.5 / 730 * 2, within(1e-12));
        assertThat(CostCalculator.databaseStorage(aurora, US_EAST_1)).isZero();
    }

    @Test
    void discountsApplyUnderTheirOwnModelAndNeverToSpot() {
        CostBreakdown b = compute(new DiscountConfig("savings_plan", Map.of("nodes", 0.7, "rds", 0.8)));
        Map<ComponentTier, Double> d = b.discounted();

        assertThat(d.get(key(Component.NODES, "web"))).isCloseTo(0.0312, within(1e-12));
        assertThat(d.get(key(Component.NODES, "was"))).isCloseTo(0.236 * 0.7, within(1e-12));
        assertThat(d.get(key(Component.NODES, "shared"))).isCloseTo(0.118 * 0.7, within(1e-12));
        assertThat(d.get(key(Component.RDS, "db"))).isCloseTo((0.516 + 23.0 / 730) * 0.8, within(1e-12));
        assertThat(d.get(key(Component.ALB, "web"))).isCloseTo(0.0425, within(1e-12));
        // list prices are untouched
        assertThat(b.hourly().get(key(Component.NODES, "was"))).isCloseTo(0.236, within(1e-12));
    }

    @Test
    void withoutAPricingModelThereAreNoDiscountedCosts() {
        assertThat(compute(new DiscountConfig(null, null)).discounted()).isEmpty();
    }

    @Test
    void idleShareOfANodeWithoutCapacityIsZero() {
        assertThat(CostCalculator.idleShare(ResourceAmounts.ZERO, ResourceAmounts.ZERO))
                .isZero();
    }

    private static ComponentTier key(Component c, String tier) {
        return new ComponentTier(c, tier);
    }
}
