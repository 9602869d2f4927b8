package io.tierlens.alb.model;

import java.util.List;

/**
 * A listener and the target groups its default action forwards to.
 *
 * @param arn listener ARN
 * @param loadBalancerArn owning load balancer
 * @param protocol HTTP or HTTPS
 * @param port listening port
 * @param targetGroupArns target groups of the default forward action (including weighted forwards)
 */
public record Listener(String arn, String loadBalancerArn, String protocol, int port, List<String> targetGroupArns) {
    public Listener {
        targetGroupArns = List.copyOf(targetGroupArns);
    }
}
