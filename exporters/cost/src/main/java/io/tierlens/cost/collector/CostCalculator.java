package io.tierlens.cost.collector;

import io.tierlens.cost.DiscountConfig;
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
import io.tierlens.cost.model.Source;
import io.tierlens.cost.model.Tier;
import io.tierlens.cost.model.UnitPrice;
import io.tierlens.cost.model.UnitPriceTable;
import io.tierlens.cost.model.VolumeUsage;
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
            UnitPriceTable unit,
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
        Sums sums = new Sums(discounts);
        for (ControlPlane c : inventory.clusters()) {
            UnitPrice rate = c.extendedSupport() ? UnitPrice.EKS_EXTENDED_CLUSTER_HOUR : UnitPrice.EKS_CLUSTER_HOUR;
            sums.add(Component.EKS_CONTROL_PLANE, Tier.SHARED, c.source(), unit.usd(rate));
        }
        for (NodeCost n : nodes) {
            String tier = tierOfNodePool.apply(n.nodePool());
            double usd = n.price().usdPerHour();
            // Savings Plans and reserved instances cover on-demand capacity only
            double effective = n.shape().spot() ? usd : usd * discounts.factor(Component.NODES);
            sums.add(Component.NODES, tier, Source.DISCOVERED, usd, effective);
        }
        for (LoadBalancerUsage lb : inventory.loadBalancers()) {
            double usd = unit.usd(UnitPrice.ALB_HOUR) + lb.consumedLcus() * unit.usd(UnitPrice.ALB_LCU_HOUR);
            sums.add(Component.ALB, lb.tier(), lb.source(), usd);
        }
        for (DatabaseInstance d : inventory.databases()) {
            double instance = prices.database(d).map(Price::usdPerHour).orElse(0.0);
            sums.add(Component.RDS, d.tier(), d.source(), instance + databaseStorage(d, unit));
        }
        for (NatGatewayUsage g : inventory.natGateways()) {
            double usd =
                    unit.usd(UnitPrice.NAT_GATEWAY_HOUR) + g.processedGbPerHour() * unit.usd(UnitPrice.NAT_GATEWAY_GB);
            sums.add(Component.NAT_GATEWAY, g.tier(), g.source(), usd);
        }
        for (VolumeUsage v : inventory.volumes()) {
            sums.add(
                    Component.EBS,
                    v.tier(),
                    v.source(),
                    v.gb() * unit.usd(UnitPrice.EBS_GB_MONTH) / UnitPrice.HOURS_PER_MONTH);
        }
        return new CostBreakdown(
                nodes, sums.list, discounts.configured() ? sums.discounted : Map.of(), unpriced, sums.bySource);
    }

    /**
     * Storage per hour: GB at the gp3 GB-month rate and, for io1/io2, the provisioned IOPS at the IOPS-month
     * rate; Multi-AZ stores (and bills) everything twice. Aurora bills storage per GB used, which DescribeDBInstances
     * does not report: 0 here.
     */
    static double databaseStorage(DatabaseInstance d, UnitPriceTable unit) {
        if (d.storageType().equals("aurora")) {
            return 0;
        }
        double monthly = d.storageGb() * unit.usd(UnitPrice.RDS_STORAGE_GB_MONTH);
        if (d.billedIops()) {
            monthly += d.provisionedIops().orElse(0) * unit.usd(UnitPrice.RDS_IOPS_MONTH);
        }
        return monthly / UnitPrice.HOURS_PER_MONTH * (d.multiAz() ? 2 : 1);
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

    /** The three sums one priced resource adds to. */
    private static final class Sums {
        final Map<ComponentTier, Double> list = new HashMap<>();
        final Map<ComponentTier, Double> discounted = new HashMap<>();
        final Map<ComponentTierSource, Double> bySource = new HashMap<>();
        private final DiscountConfig discounts;

        Sums(DiscountConfig discounts) {
            this.discounts = discounts;
        }

        void add(Component c, String tier, Source source, double usd) {
            add(c, tier, source, usd, usd * discounts.factor(c));
        }

        void add(Component c, String tier, Source source, double usd, double effective) {
            ComponentTier key = new ComponentTier(c, tier);
            list.merge(key, usd, Double::sum);
            discounted.merge(key, effective, Double::sum);
            bySource.merge(new ComponentTierSource(c, tier, source), usd, Double::sum);
        }
    }
}
