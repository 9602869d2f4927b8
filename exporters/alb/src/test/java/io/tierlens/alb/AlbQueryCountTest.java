package io.tierlens.alb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.PlannedCalls;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CloudWatch bill of the default metric set, as `tierlens plan --offline` computes it. */
class AlbQueryCountTest {
    // per ALB: 4 alerting (requests, ELB 5xx, target 5xx, p99) + 16 trend; per target group: unhealthy (alerting)
    // + requests, 5xx, healthy, response time Average, Maximum and p99 (trend); 2xx/3xx/4xx are opt-in
    private static final int PER_LOAD_BALANCER = 20;
    private static final int PER_TARGET_GROUP = 7;

    private final AlbModule module = new AlbModule();
    private final AlbConfig defaults = new AlbConfig(null, null, null, null, null, null, null, null, null);

    @Test
    void twoHundredAlbsWithThreeTargetGroupsEachNeed8200QueriesIn17Calls() {
        List<MetricQuery> queries =
                module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 200, AlbModule.TARGET_GROUP, 600));

        assertThat(queries)
                .hasSize(200 * PER_LOAD_BALANCER + 600 * PER_TARGET_GROUP)
                .hasSize(8_200);
        assertThat(new HashSet<>(queries)).hasSize(queries.size());
        PlannedCalls plan = PlannedCalls.pack(queries, 500);
        // 1,400 alerting queries in 3 calls, 6,800 trend queries in 14 (one call has one fetch interval)
        assertThat(plan.calls()).hasSize(17);
        assertThat(plan.calls()).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(500));
        assertThat(plan.distinctQueries()).isEqualTo(8_200);
        // docs/cloudwatch-cost.md: $4,492.80 before freshness classes, $498.24 now
        assertThat(plan.usdPerMonth()).isCloseTo(498.24, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void onePerLoadBalancerAndOnePerTargetGroupCostWhatTheDocsSay() {
        assertThat(module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 1)))
                .hasSize(PER_LOAD_BALANCER);
        assertThat(module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 1, AlbModule.TARGET_GROUP, 1)))
                .hasSize(PER_LOAD_BALANCER + PER_TARGET_GROUP);
        // docs/exporters/alb.md: 10 ALBs x 3 TGs = 410 queries (70 alerting, 340 trend), 2 calls.
        List<MetricQuery> ten =
                module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 10, AlbModule.TARGET_GROUP, 30));
        PlannedCalls plan = PlannedCalls.pack(ten, 500);
        assertThat(ten).hasSize(410);
        assertThat(plan.calls()).hasSize(2);
        assertThat(plan.usdPerMonth()).isCloseTo(24.912, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void noListMetricsAnywhere() {
        assertThat(methodNames(CloudWatchApi.class)).containsExactlyInAnyOrder("getMetricData", "countsItsOwnCost");
        assertThat(methodNames(SdkCloudWatchApi.class))
                .noneMatch(n -> n.toLowerCase().contains("listmetrics"));
        assertThat(methodNames(AlbApi.class))
                .containsExactlyInAnyOrder(
                        "describeLoadBalancers",
                        "describeTargetGroups",
                        "describeListeners",
                        "describeTags",
                        "describeTargetHealth");
    }

    private static List<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !m.isSynthetic())
                .map(Method::getName)
                .toList();
    }
}
