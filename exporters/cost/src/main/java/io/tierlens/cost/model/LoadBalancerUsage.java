package io.tierlens.cost.model;

/**
 * An Application Load Balancer as the cost model needs it.
 *
 * @param consumedLcus LCUs consumed in the last hour (CloudWatch {@code ConsumedLCUs}), the billed unit
 */
public record LoadBalancerUsage(String name, String tier, double consumedLcus) {}
