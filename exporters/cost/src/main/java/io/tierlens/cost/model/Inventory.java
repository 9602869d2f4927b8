package io.tierlens.cost.model;

import java.util.List;

/** The AWS resources besides nodes that a 3-tier application pays for, each with where it came from. */
public record Inventory(
        List<ControlPlane> clusters,
        List<LoadBalancerUsage> loadBalancers,
        List<DatabaseInstance> databases,
        List<NatGatewayUsage> natGateways,
        List<VolumeUsage> volumes) {

    public Inventory {
        clusters = List.copyOf(clusters);
        loadBalancers = List.copyOf(loadBalancers);
        databases = List.copyOf(databases);
        natGateways = List.copyOf(natGateways);
        volumes = List.copyOf(volumes);
    }
}
