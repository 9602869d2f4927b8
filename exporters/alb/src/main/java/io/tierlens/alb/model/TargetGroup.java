package io.tierlens.alb.model;

import java.util.List;
import java.util.Map;

/**
 * A target group.
 *
 * @param arn full ARN
 * @param name target group name (the {@code target_group} label)
 * @param loadBalancerArns load balancers that route to it
 * @param protocol e.g. HTTP
 * @param port target port
 * @param targetType {@code instance}, {@code ip}, {@code lambda}
 * @param tags resource tags; the AWS Load Balancer Controller sets {@code ingress.k8s.aws/stack},
 *     {@code ingress.k8s.aws/resource} and {@code elbv2.k8s.aws/cluster}, and a TargetGroupBinding names the
 *     Kubernetes service through {@code ingress.k8s.aws/resource} = {@code namespace/ingress-service:port}
 */
public record TargetGroup(
        String arn,
        String name,
        List<String> loadBalancerArns,
        String protocol,
        int port,
        String targetType,
        Map<String, String> tags) {
    public TargetGroup {
        loadBalancerArns = List.copyOf(loadBalancerArns);
        tags = Map.copyOf(tags);
    }

    /** The CloudWatch {@code TargetGroup} dimension: the ARN part after the last colon, e.g. {@code targetgroup/web/943f017f100becff}. */
    public String dimension() {
        int i = arn.lastIndexOf(':');
        return i < 0 ? arn : arn.substring(i + 1);
    }

    public TargetGroup withTags(Map<String, String> newTags) {
        return new TargetGroup(arn, name, loadBalancerArns, protocol, port, targetType, newTags);
    }
}
