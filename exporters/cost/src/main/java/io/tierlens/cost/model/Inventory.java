package io.tierlens.cost.model;

import java.util.List;
import java.util.Map;

/**
 * The AWS resources besides nodes that a 3-tier application pays for.
 *
 * @param clusters EKS clusters (control planes) this cost view covers
 * @param ebsGbByTier provisioned EBS volume GB by tier (node root volumes and persistent volumes)
 */
public record Inventory(
        int clusters,
        List<LoadBalancerUsage> loadBalancers,
        List<DatabaseInstance> databases,
        int natGateways,
        Map<String, Double> ebsGbByTier) {

    public Inventory {
        loadBalancers = List.copyOf(loadBalancers);
        databases = List.copyOf(databases);
        ebsGbByTier = Map.copyOf(ebsGbByTier);
    }
}
