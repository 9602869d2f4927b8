package io.tierlens.cost.model;

import java.util.List;
import java.util.Map;

/**
 * One refresh's cost arithmetic, ready to be exposed.
 *
 * @param hourly list-price USD per hour by (component, tier)
 * @param discounted effective USD per hour by (component, tier) under the configured pricing model; empty
 *     when no discounts are configured
 * @param unpricedNodes nodes without any price (unknown instance type), by NodePool
 * @param bySource list-price USD per hour by (component, tier, source): {@link #hourly} split by how the priced
 *     resources are known (nodes are discovered)
 */
public record CostBreakdown(
        List<NodeCost> nodes,
        Map<ComponentTier, Double> hourly,
        Map<ComponentTier, Double> discounted,
        Map<String, Long> unpricedNodes,
        Map<ComponentTierSource, Double> bySource) {

    public CostBreakdown {
        nodes = List.copyOf(nodes);
        hourly = Map.copyOf(hourly);
        discounted = Map.copyOf(discounted);
        unpricedNodes = Map.copyOf(unpricedNodes);
        bySource = Map.copyOf(bySource);
    }

    public record ComponentTier(Component component, String tier) {}

    public record ComponentTierSource(Component component, String tier, Source source) {}
}
