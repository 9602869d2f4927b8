package io.tierlens.alb.model;

import java.util.Map;

/**
 * An Application Load Balancer as ELBv2 describes it.
 *
 * @param arn full ARN
 * @param name load balancer name (the {@code load_balancer} label)
 * @param dnsName DNS name
 * @param scheme {@code internet-facing} or {@code internal}
 * @param state {@code active}, {@code provisioning}, {@code active_impaired}, {@code failed}
 * @param tags resource tags (from DescribeTags)
 */
public record LoadBalancer(
        String arn, String name, String dnsName, String scheme, String state, Map<String, String> tags) {
    public LoadBalancer {
        tags = Map.copyOf(tags);
    }

    /** The CloudWatch {@code LoadBalancer} dimension: the ARN part after {@code loadbalancer/}, e.g. {@code app/web/50dc6c495c0c9188}. */
    public String dimension() {
        int i = arn.indexOf(":loadbalancer/");
        return i < 0 ? arn : arn.substring(i + ":loadbalancer/".length());
    }

    public LoadBalancer withTags(Map<String, String> newTags) {
        return new LoadBalancer(arn, name, dnsName, scheme, state, newTags);
    }
}
