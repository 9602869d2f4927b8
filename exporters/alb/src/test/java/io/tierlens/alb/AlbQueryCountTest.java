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
    private static final int PER_LOAD_BALANCER = 19;
    private static final int PER_TARGET_GROUP = 11;

    private final AlbModule module = new AlbModule();
    private final AlbConfig defaults = new AlbConfig(null, null, null, null, null, null, null, null, null);

    @Test
    void twoHundredAlbsWithThreeTargetGroupsEachNeed10400QueriesIn21Calls() {
        List<MetricQuery> queries =
                module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 200, AlbModule.TARGET_GROUP, 600));

        assertThat(queries)
                .hasSize(200 * PER_LOAD_BALANCER + 600 * PER_TARGET_GROUP)
                .hasSize(10_400);
        assertThat(new HashSet<>(queries)).hasSize(queries.size());
        PlannedCalls plan = PlannedCalls.pack(queries, 500);
        assertThat(plan.calls()).hasSize((10_400 + 499) / 500).hasSize(21);
        assertThat(plan.calls()).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(500));
        assertThat(plan.distinctQueries()).isEqualTo(10_400);
    }

    @Test
    void onePerLoadBalancerAndOnePerTargetGroupCostWhatTheDocsSay() {
        assertThat(module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 1)))
                .hasSize(PER_LOAD_BALANCER);
        assertThat(module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 1, AlbModule.TARGET_GROUP, 1)))
                .hasSize(PER_LOAD_BALANCER + PER_TARGET_GROUP);
        // docs/exporters/alb.md: 10 ALBs x 3 TGs = 520 queries, 2 calls, 0.0052 USD per refresh.
        List<MetricQuery> ten =
                module.plannedQueries(defaults, Map.of(AlbModule.LOAD_BALANCER, 10, AlbModule.TARGET_GROUP, 30));
        PlannedCalls plan = PlannedCalls.pack(ten, 500);
        assertThat(ten).hasSize(520);
        assertThat(plan.calls()).hasSize(2);
        assertThat(plan.usdPerMonth(java.time.Duration.ofSeconds(60)))
                .isCloseTo(224.64, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void noListMetricsAnywhere() {
        assertThat(methodNames(CloudWatchApi.class)).containsExactly("getMetricData");
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
