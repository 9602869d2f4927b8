package io.tierlens.core.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * An application load balancer as the ALB exporter found it.
 *
 * @param ingress the AWS Load Balancer Controller's Ingress ({@code namespace/name}) or IngressGroup, "" if none
 * @param consumedLcus CloudWatch {@code ConsumedLCUs} (average over the newest complete period), the billed unit;
 *     empty until CloudWatch has answered for it
 * @param tags the load balancer's tags (for tier mapping)
 */
public record DiscoveredLoadBalancer(
        String name, String scheme, String ingress, Optional<Double> consumedLcus, Map<String, String> tags) {
    public DiscoveredLoadBalancer {
        tags = Map.copyOf(tags);
    }
}
