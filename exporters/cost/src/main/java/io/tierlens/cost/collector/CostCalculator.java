package io.tierlens.cost.collector;

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
import io.tierlens.cost.model.Tier;
import io.tierlens.cost.model.UnitPrices;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cost arithmetic: node prices, idle shares and component costs per tier, at list price and (when
 * configured) under the discount model. Pure.
 */
public final class CostCalculator {
    private CostCalculator() {}

    public static CostBreakdown compute(
            ClusterState cluster,
            PriceBook prices,
            Inventory inventory,
            UnitPrices unit,
            Function<String, String> tierOfNodePool,
            DiscountConfig discounts) {
        List<NodeCost> nodes = new ArrayList<>();
        Map<String, Long> unpriced = new TreeMap<>();
        for (ClusterNode n : cluster.nodes()) {
            Optional<Price> p = prices.node(n.shape());
            if (p.isEmpty()) {
                unpriced.merge(n.nodePool(), 1L, Long::sum);
                continue;
            }
            ResourceAmounts requested = cluster.requestsByNode().getOrDefault(n.name(), ResourceAmounts.ZERO);
            nodes.add(new NodeCost(n.name(), n.nodePool(), n.shape(), p.get(), idleShare(n.allocatable(), requested)));
        }
        Map<ComponentTier, Double> list = new HashMap<>();
        Map<ComponentTier, Double> discounted = new HashMap<>();
        add(
                list,
                discounted,
                discounts,
                Component.EKS_CONTROL_PLANE,
                Tier.SHARED,
                inventory.clusters() * unit.eksClusterHour());
        for (NodeCost n : nodes) {
            String tier = tierOfNodePool.apply(n.nodePool());
            double usd = n.price().usdPerHour();
            list.merge(new ComponentTier(Component.NODES, tier), usd, Double::sum);
            // Savings Plans and reserved instances cover on-demand capacity only
            double effective = n.shape().spot() ? usd : usd * discounts.factor(Component.NODES);
            discounted.merge(new ComponentTier(Component.NODES, tier), effective, Double::sum);
        }
        for (LoadBalancerUsage lb : inventory.loadBalancers()) {
            add(
                    list,
                    discounted,
                    discounts,
                    Component.ALB,
                    lb.tier(),
                    unit.albHour() + lb.consumedLcus() * unit.albLcuHour());
        }
        for (DatabaseInstance d : inventory.databases()) {
            double storage =
                    d.storageGb() * unit.rdsStorageGbMonth() / UnitPrices.HOURS_PER_MONTH * (d.multiAz() ? 2 : 1);
            double instance = prices.database(d).map(Price::usdPerHour).orElse(0.0);
            add(list, discounted, discounts, Component.RDS, d.tier(), instance + storage);
        }
        add(
                list,
                discounted,
                discounts,
                Component.NAT_GATEWAY,
                Tier.SHARED,
                inventory.natGateways() * unit.natGatewayHour());
        inventory
                .ebsGbByTier()
                .forEach((tier, gb) -> add(
                        list,
                        discounted,
                        discounts,
                        Component.EBS,
                        tier,
                        gb * unit.ebsGbMonth() / UnitPrices.HOURS_PER_MONTH));
        return new CostBreakdown(nodes, list, discounts.configured() ? discounted : Map.of(), unpriced);
    }

    /**
     * The share of a node no pod asked for: the mean of its unrequested CPU and memory shares (each clamped to
     * 0..1, since requests can exceed allocatable on an overcommitted node). A node without allocatable capacity
     * has no idle share to report.
     */
    static double idleShare(ResourceAmounts allocatable, ResourceAmounts requested) {
        if (allocatable.cpuCores() <= 0 || allocatable.memoryBytes() <= 0) {
            return 0;
        }
        double cpu = Math.min(1, requested.cpuCores() / allocatable.cpuCores());
        double mem = Math.min(1, requested.memoryBytes() / allocatable.memoryBytes());
        return 1 - (cpu + mem) / 2;
    }

    private static void add(
            Map<ComponentTier, Double> list,
            Map<ComponentTier, Double> discounted,
            DiscountConfig discounts,
            Component component,
            String tier,
            double usd) {
        ComponentTier key = new ComponentTier(component, tier);
        list.merge(key, usd, Double::sum);
        discounted.merge(key, usd * discounts.factor(component), Double::sum);
    }
}
