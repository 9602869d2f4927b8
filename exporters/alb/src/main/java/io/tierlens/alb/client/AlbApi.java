package io.tierlens.alb.client;

import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import java.util.List;
import java.util.Map;

/**
 * What the ALB exporter needs from ELBv2, for one (account, region). Implementations follow pagination and
 * batch DescribeTags (20 ARNs per call). Errors are the SDK's exceptions (the runtime classifies them).
 */
public interface AlbApi {

    /** Application load balancers only (type {@code application}); tags are not filled in. */
    List<LoadBalancer> describeLoadBalancers();

    /** Every target group; tags are not filled in. */
    List<TargetGroup> describeTargetGroups();

    /** Listeners of one load balancer with their default-action target groups. */
    List<Listener> describeListeners(String loadBalancerArn);

    /** Tags of the given resources (load balancers or target groups), by ARN. */
    Map<String, Map<String, String>> describeTags(List<String> arns);

    /** Health of every registered target of one target group. */
    List<TargetHealth> describeTargetHealth(String targetGroupArn);
}
