package io.tierlens.alb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudWatch dimensions come from ARNs (never from ListMetrics), so their derivation must be exact. */
class DimensionsTest {

    @Test
    void loadBalancerDimensionIsTheArnPartAfterLoadbalancer() {
        LoadBalancer lb = new LoadBalancer(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188",
                "my-load-balancer",
                "d",
                "internet-facing",
                "active",
                Map.of());

        assertThat(lb.dimension()).isEqualTo("app/my-load-balancer/50dc6c495c0c9188");
    }

    @Test
    void targetGroupDimensionIsTheArnResourcePart() {
        TargetGroup tg = new TargetGroup(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067",
                "my-targets",
                List.of(),
                "HTTP",
                80,
                "instance",
                Map.of());

        assertThat(tg.dimension()).isEqualTo("targetgroup/my-targets/73e2d6bc24d8a067");
    }
}
