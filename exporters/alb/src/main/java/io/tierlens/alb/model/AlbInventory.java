package io.tierlens.alb.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery found in one (account, region): the load balancers that passed the filters, the target groups
 * that route from them, their listeners and the Kubernetes objects the AWS Load Balancer Controller tagged
 * them with. Immutable; a new discovery replaces it as a whole.
 *
 * @param loadBalancers application load balancers, with tags
 * @param targetGroups target groups with tags; {@link TargetGroup#loadBalancerArns()} holds only load balancers
 *     of this inventory (from the target group itself and from listener default actions)
 * @param listeners listeners of the load balancers
 * @param ingresses load balancer ARN → Ingress ({@code namespace/name} or IngressGroup name); absent when none
 * @param services target group ARN → Kubernetes service; absent when none
 * @param discoveredAt when the Describe calls finished
 */
public record AlbInventory(
        List<LoadBalancer> loadBalancers,
        List<TargetGroup> targetGroups,
        List<Listener> listeners,
        Map<String, String> ingresses,
        Map<String, ServiceRef> services,
        Instant discoveredAt) {

    public AlbInventory {
        loadBalancers = List.copyOf(loadBalancers);
        targetGroups = List.copyOf(targetGroups);
        listeners = List.copyOf(listeners);
        ingresses = Map.copyOf(ingresses);
        services = Map.copyOf(services);
    }

    public static AlbInventory empty(Instant discoveredAt) {
        return new AlbInventory(List.of(), List.of(), List.of(), Map.of(), Map.of(), discoveredAt);
    }

    public Optional<LoadBalancer> loadBalancer(String arn) {
        return loadBalancers.stream().filter(lb -> lb.arn().equals(arn)).findFirst();
    }

    /** Target groups with their load balancer, one pair per (load balancer, target group) route. */
    public List<Route> routes() {
        Map<String, LoadBalancer> byArn = new LinkedHashMap<>();
        loadBalancers.forEach(lb -> byArn.put(lb.arn(), lb));
        List<Route> out = new ArrayList<>();
        for (TargetGroup tg : targetGroups) {
            for (String lbArn : tg.loadBalancerArns()) {
                LoadBalancer lb = byArn.get(lbArn);
                if (lb != null) {
                    out.add(new Route(lb, tg));
                }
            }
        }
        return out;
    }

    public String ingressOf(LoadBalancer lb) {
        return ingresses.getOrDefault(lb.arn(), "");
    }

    public ServiceRef serviceOf(TargetGroup tg) {
        return services.getOrDefault(tg.arn(), ServiceRef.NONE);
    }

    /** A target group as seen from one load balancer: CloudWatch reports per pair. */
    public record Route(LoadBalancer loadBalancer, TargetGroup targetGroup) {}
}
