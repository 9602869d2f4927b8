package io.tierlens.alb.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlbQueriesTest {
    private static final Duration PERIOD = Duration.ofSeconds(60);

    private final FakeAlbApi api = new FakeAlbApi();
    private final LoadBalancer lb = api.addLoadBalancer("web", Map.of());
    private final TargetGroup tg = api.addTargetGroup("nginx", Map.of(), lb);
    private final AlbInventory inventory =
            new AlbInventory(List.of(lb), List.of(tg), List.of(), Map.of(), Map.of(), Instant.EPOCH);

    static AlbConfig defaults() {
        return EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, null, null));
    }

    private static Map<String, List<String>> statisticsByMetric(List<MetricQuery> qs) {
        return qs.stream()
                .collect(Collectors.groupingBy(
                        MetricQuery::metricName,
                        java.util.TreeMap::new,
                        Collectors.mapping(MetricQuery::statistic, Collectors.toList())));
    }

    @Test
    void loadBalancerQueriesUseTheAnchoredStatistics() {
        List<MetricQuery> lbQueries = new AlbQueries(defaults(), PERIOD)
                .queries(inventory).stream()
                        .filter(q -> !q.dimensions().containsKey("TargetGroup"))
                        .toList();

        assertThat(statisticsByMetric(lbQueries))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("RequestCount", List.of("Sum")),
                        Map.entry("HTTPCode_ELB_3XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_ELB_4XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_ELB_5XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_Target_2XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_Target_3XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_Target_4XX_Count", List.of("Sum")),
                        Map.entry("HTTPCode_Target_5XX_Count", List.of("Sum")),
                        Map.entry("TargetResponseTime", List.of("Average", "Maximum", "p50", "p90", "p99")),
                        Map.entry("ActiveConnectionCount", List.of("Sum")),
                        Map.entry("NewConnectionCount", List.of("Sum")),
                        Map.entry("RejectedConnectionCount", List.of("Sum")),
                        Map.entry("TargetConnectionErrorCount", List.of("Sum")),
                        Map.entry("ClientTLSNegotiationErrorCount", List.of("Sum")),
                        Map.entry("ProcessedBytes", List.of("Sum")),
                        Map.entry("ConsumedLCUs", List.of("Average"))));
        assertThat(lbQueries).hasSize(20);
        assertThat(lbQueries)
                .allSatisfy(q -> assertThat(q.dimensions()).containsExactly(Map.entry("LoadBalancer", lb.dimension())));
    }

    @Test
    void targetGroupQueriesUseTheAnchoredStatisticsAndBothDimensions() {
        List<MetricQuery> tgQueries = new AlbQueries(defaults(), PERIOD)
                .queries(inventory).stream()
                        .filter(q -> q.dimensions().containsKey("TargetGroup"))
                        .toList();

        assertThat(statisticsByMetric(tgQueries))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "RequestCount", List.of("Sum"),
                        "HTTPCode_Target_2XX_Count", List.of("Sum"),
                        "HTTPCode_Target_3XX_Count", List.of("Sum"),
                        "HTTPCode_Target_4XX_Count", List.of("Sum"),
                        "HTTPCode_Target_5XX_Count", List.of("Sum"),
                        "TargetResponseTime", List.of("Average", "Maximum", "p50", "p90", "p99"),
                        "HealthyHostCount", List.of("Minimum"),
                        "UnHealthyHostCount", List.of("Maximum")));
        assertThat(tgQueries).hasSize(12);
        assertThat(tgQueries)
                .allSatisfy(q -> assertThat(q.dimensions())
                        .containsOnly(
                                Map.entry("LoadBalancer", lb.dimension()), Map.entry("TargetGroup", tg.dimension())));
    }

    @Test
    void onlyCountsAreZeroFilledAndEverythingUsesTheGivenPeriodAndNamespace() {
        List<MetricQuery> qs = new AlbQueries(defaults(), Duration.ofSeconds(300)).queries(inventory);

        assertThat(qs).allSatisfy(q -> {
            assertThat(q.namespace()).isEqualTo("AWS/ApplicationELB");
            assertThat(q.period()).isEqualTo(Duration.ofSeconds(300));
            assertThat(q.zeroWhenMissing()).isEqualTo(q.statistic().equals("Sum"));
            assertThat(q.dimensions().keySet()).doesNotContain("AvailabilityZone");
        });
    }

    @Test
    void configuredPercentilesAndTargetGroupSwitchChangeTheSet() {
        AlbConfig config =
                EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, false, List.of("p95", "p99.9")));

        List<MetricQuery> qs = new AlbQueries(config, PERIOD).queries(inventory);

        assertThat(qs).noneMatch(q -> q.dimensions().containsKey("TargetGroup"));
        assertThat(qs.stream()
                        .filter(q -> q.metricName().equals("TargetResponseTime"))
                        .map(MetricQuery::statistic))
                .containsExactly("Average", "Maximum", "p95", "p99.9");
    }

    @Test
    void aTargetGroupBehindTwoLoadBalancersIsQueriedOncePerLoadBalancer() {
        LoadBalancer other = api.addLoadBalancer("api", Map.of());
        TargetGroup shared = api.addTargetGroup("shared", Map.of(), lb, other);
        AlbInventory inv =
                new AlbInventory(List.of(lb, other), List.of(shared), List.of(), Map.of(), Map.of(), Instant.EPOCH);

        List<MetricQuery> qs = new AlbQueries(defaults(), PERIOD).queries(inv);

        assertThat(qs).hasSize(2 * 20 + 2 * 12);
        assertThat(qs.stream()
                        .filter(q -> q.dimensions().containsKey("TargetGroup"))
                        .map(q -> q.dimensions().get("LoadBalancer"))
                        .distinct())
                .containsExactlyInAnyOrder(lb.dimension(), other.dimension());
    }

    @Test
    void sizedInventorySpreadsTargetGroupsOverLoadBalancers() {
        AlbInventory inv = AlbQueries.sizedInventory(3, 7);

        assertThat(inv.loadBalancers()).hasSize(3);
        assertThat(inv.routes()).hasSize(7);
        assertThat(AlbQueries.sizedInventory(0, 5).routes()).isEmpty();
    }
}
