package io.tierlens.cost.model;

import io.tierlens.kubernetes.model.InstanceShape;

/**
 * The hourly price of one node and the share of it that no pod has requested.
 *
 * @param idleShare 0..1, the mean of the unrequested CPU and memory shares of its allocatable capacity
 */
public record NodeCost(String node, String nodePool, InstanceShape shape, Price price, double idleShare) {

    public double idleUsdPerHour() {
        return price.usdPerHour() * idleShare;
    }
}
