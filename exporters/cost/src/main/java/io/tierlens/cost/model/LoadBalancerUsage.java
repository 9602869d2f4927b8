package io.tierlens.cost.model;

/**
 * An Application Load Balancer as the cost model needs it.
 *
 * @param consumedLcus LCUs consumed per hour (CloudWatch {@code ConsumedLCUs}), the billed unit
 */
public record LoadBalancerUsage(String name, String tier, double consumedLcus, Source source) {
    public LoadBalancerUsage(String name, String tier, double consumedLcus) {
        this(name, tier, consumedLcus, Source.CONFIGURED);
    }
}
