package io.tierlens.cost.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.cost.DiscountConfig;
import io.tierlens.cost.model.Component;
import io.tierlens.cost.model.CostBreakdown;
import io.tierlens.cost.model.CostBreakdown.ComponentTier;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.LoadBalancerUsage;
import io.tierlens.cost.model.NodeCost;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.model.UnitPrices;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
            1,
            List.of(new LoadBalancerUsage("web-alb", "web", 2.5)),
            List.of(DB),
            2,
            Map.of("web", 73.0, "was", 146.0));

    static final Map<String, String> TIERS = Map.of("web", "web", "was", "was");

    static CostBreakdown compute(DiscountConfig discounts) {
        return CostCalculator.compute(
                cluster(),
                PRICES,
                INVENTORY,
                UnitPrices.US_EAST_1,
                pool -> TIERS.getOrDefault(pool, "shared"),
                discounts);
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
