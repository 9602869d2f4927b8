package io.tierlens.alb.collector;

import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AlbCollectorTest {
    private static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Instant T = Instant.parse("2026-11-21T10:02:00Z");

    private final FakeAlbApi api = new FakeAlbApi();
    private final LoadBalancer lb = api.addLoadBalancer("k8s-shop-web-3f9a1c2b7d", Map.of())
            .withTags(Map.of("ingress.k8s.aws/stack", "shop/web"));
    private final TargetGroup nginx = api.addTargetGroup("k8s-shop-nginx-0a1b2c3d4e", Map.of(), lb);
    private final TargetGroup was = api.addTargetGroup("k8s-shop-was-5f6e7d8c9b", Map.of(), lb);
    private final AlbInventory inventory = new AlbInventory(
            List.of(lb),
            List.of(nginx, was),
            List.of(),
            Map.of(lb.arn(), "shop/web"),
            Map.of(
                    nginx.arn(),
                    new ServiceRef("shop", "nginx", "80"),
                    was.arn(),
                    new ServiceRef("shop", "was", "8080")),
            T);
    private final AlbQueries queries = new AlbQueries(AlbQueriesTest.defaults(), PERIOD);
    private final AlbCollector collector = new AlbCollector(queries);

    /** Every query gets {@code value} (counts as a Sum over 60 s). */
    private Map<MetricQuery, MetricValue> allValues(double value) {
        Map<MetricQuery, MetricValue> values = new HashMap<>();
        for (MetricQuery q : queries.queries(inventory)) {
            values.put(q, new MetricValue(value, T, PERIOD, false));
        }
        return values;
    }

    private MetricValue v(double value) {
        return new MetricValue(value, T, PERIOD, false);
    }

    private MetricQuery lbQuery(String metric, String statistic) {
        return queries.queries(inventory).stream()
                .filter(q -> q.metricName().equals(metric)
                        && q.statistic().equals(statistic)
                        && !q.dimensions().containsKey("TargetGroup"))
                .findFirst()
                .orElseThrow();
    }

    private MetricQuery tgQuery(TargetGroup tg, String metric, String statistic) {
        return queries.queries(inventory).stream()
                .filter(q -> q.metricName().equals(metric)
                        && q.statistic().equals(statistic)
                        && tg.dimension().equals(q.dimensions().get("TargetGroup")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void emitsEveryAlbFamilyOfTheContractWithExactLabelNames() {
        MetricSnapshots out = collector.collect(
                TestEnvironment.TARGET,
                inventory,
                allValues(60),
                Map.of(nginx.arn(), List.of(new TargetHealth("10.0.0.1", 80, "healthy", ""))));

        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry(
                        "tierlens_alb_info",
                        Set.of("account_id", "region", "load_balancer", "dns_name", "scheme", "ingress")),
                Map.entry("tierlens_alb_requests_per_second", Set.of("account_id", "region", "load_balancer")),
                Map.entry(
                        "tierlens_alb_http_responses_per_second",
                        Set.of("account_id", "region", "load_balancer", "source", "code_class")),
                Map.entry(
                        "tierlens_alb_target_response_time_seconds",
                        Set.of("account_id", "region", "load_balancer", "statistic")),
                Map.entry("tierlens_alb_active_connections", Set.of("account_id", "region", "load_balancer")),
                Map.entry("tierlens_alb_new_connections_per_second", Set.of("account_id", "region", "load_balancer")),
                Map.entry(
                        "tierlens_alb_rejected_connections_per_second",
                        Set.of("account_id", "region", "load_balancer")),
                Map.entry(
                        "tierlens_alb_target_connection_errors_per_second",
                        Set.of("account_id", "region", "load_balancer")),
                Map.entry(
                        "tierlens_alb_client_tls_negotiation_errors_per_second",
                        Set.of("account_id", "region", "load_balancer")),
                Map.entry("tierlens_alb_processed_bytes_per_second", Set.of("account_id", "region", "load_balancer")),
                Map.entry("tierlens_alb_consumed_lcus", Set.of("account_id", "region", "load_balancer")),
                Map.entry(
                        "tierlens_alb_target_group_info",
                        Set.of(
                                "account_id",
                                "region",
                                "load_balancer",
                                "target_group",
                                "namespace",
                                "service",
                                "port")),
                Map.entry(
                        "tierlens_alb_target_group_requests_per_second",
                        Set.of("account_id", "region", "load_balancer", "target_group")),
                Map.entry(
                        "tierlens_alb_target_group_http_responses_per_second",
                        Set.of("account_id", "region", "load_balancer", "target_group", "code_class")),
                Map.entry(
                        "tierlens_alb_target_group_response_time_seconds",
                        Set.of("account_id", "region", "load_balancer", "target_group", "statistic")),
                Map.entry(
                        "tierlens_alb_target_group_healthy_targets",
                        Set.of("account_id", "region", "load_balancer", "target_group")),
                Map.entry(
                        "tierlens_alb_target_group_unhealthy_targets",
                        Set.of("account_id", "region", "load_balancer", "target_group")),
                Map.entry(
                        "tierlens_alb_target_health",
                        Set.of("account_id", "region", "load_balancer", "target_group", "state", "reason")));

        Set<String> exposed = new TreeSet<>();
        for (MetricSnapshot s : out) {
            String name = s.getMetadata().getName();
            exposed.add(s instanceof io.prometheus.metrics.model.snapshots.InfoSnapshot ? name + "_info" : name);
        }
        assertThat(exposed).isEqualTo(new TreeSet<>(expected.keySet()));
        expected.forEach((family, labelNames) -> assertThat(labels(out, family))
                .as(family)
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.keySet()).isEqualTo(labelNames);
                    assertThat(l).containsEntry("account_id", "123456789012").containsEntry("region", "eu-west-1");
                }));
    }

    @Test
    void countsAreExportedPerSecondAndOtherStatisticsAsIs() {
        Map<MetricQuery, MetricValue> values = new HashMap<>();
        values.put(lbQuery("RequestCount", "Sum"), v(600));
        values.put(lbQuery("ProcessedBytes", "Sum"), v(6_000_000));
        values.put(lbQuery("ActiveConnectionCount", "Sum"), v(420));
        values.put(lbQuery("ConsumedLCUs", "Average"), v(0.75));
        values.put(lbQuery("TargetResponseTime", "Average"), v(0.042));
        values.put(lbQuery("TargetResponseTime", "p99"), v(0.310));
        values.put(tgQuery(was, "HealthyHostCount", "Minimum"), v(3));
        values.put(tgQuery(was, "UnHealthyHostCount", "Maximum"), v(1));
        values.put(tgQuery(was, "RequestCount", "Sum"), v(120));

        MetricSnapshots out = collector.collect(TestEnvironment.TARGET, inventory, values, Map.of());

        assertThat(value(out, "tierlens_alb_requests_per_second")).contains(10.0);
        assertThat(value(out, "tierlens_alb_processed_bytes_per_second")).contains(100_000.0);
        assertThat(value(out, "tierlens_alb_active_connections")).contains(420.0);
        assertThat(value(out, "tierlens_alb_consumed_lcus")).contains(0.75);
        assertThat(value(out, "tierlens_alb_target_response_time_seconds", "statistic", "average"))
                .contains(0.042);
        assertThat(value(out, "tierlens_alb_target_response_time_seconds", "statistic", "p99"))
                .contains(0.310);
        assertThat(value(out, "tierlens_alb_target_group_healthy_targets", "target_group", was.name()))
                .contains(3.0);
        assertThat(value(out, "tierlens_alb_target_group_unhealthy_targets", "target_group", was.name()))
                .contains(1.0);
        assertThat(value(out, "tierlens_alb_target_group_requests_per_second", "target_group", was.name()))
                .contains(2.0);
        // No value, no series: a missing latency is not a zero latency.
        assertThat(value(out, "tierlens_alb_target_response_time_seconds", "statistic", "p50"))
                .isEmpty();
        assertThat(size(out, "tierlens_alb_target_group_requests_per_second")).isEqualTo(1);
    }

    @Test
    void responseCodesHaveElb3xxTo5xxAndTarget2xxTo5xx() {
        MetricSnapshots out = collector.collect(TestEnvironment.TARGET, inventory, allValues(30), Map.of());

        List<String> classes = labels(out, "tierlens_alb_http_responses_per_second").stream()
                .map(l -> l.get("source") + "/" + l.get("code_class"))
                .sorted()
                .toList();
        assertThat(classes)
                .containsExactly(
                        "elb/3xx", "elb/4xx", "elb/5xx", "target/2xx", "target/3xx", "target/4xx", "target/5xx");
        assertThat(value(out, "tierlens_alb_http_responses_per_second", "source", "elb", "code_class", "5xx"))
                .contains(0.5);
        assertThat(labels(out, "tierlens_alb_target_group_http_responses_per_second").stream()
                        .filter(l -> l.get("target_group").equals(nginx.name()))
                        .map(l -> l.get("code_class")))
                .containsExactlyInAnyOrder("2xx", "3xx", "4xx", "5xx");
    }

    @Test
    void infoSeriesCarryIngressAndService() {
        MetricSnapshots out = collector.collect(TestEnvironment.TARGET, inventory, Map.of(), Map.of());

        assertThat(labels(out, "tierlens_alb_info"))
                .containsExactly(Map.of(
                        "account_id", "123456789012",
                        "region", "eu-west-1",
                        "load_balancer", lb.name(),
                        "dns_name", lb.dnsName(),
                        "scheme", "internet-facing",
                        "ingress", "shop/web"));
        assertThat(labels(out, "tierlens_alb_target_group_info"))
                .contains(Map.of(
                        "account_id", "123456789012",
                        "region", "eu-west-1",
                        "load_balancer", lb.name(),
                        "target_group", was.name(),
                        "namespace", "shop",
                        "service", "was",
                        "port", "8080"));
        assertThat(size(out, "tierlens_alb_requests_per_second")).isZero();
    }

    @Test
    void twoTargetsShareFamiliesAndAreToldApartByAccountAndRegion() {
        SnapshotAssembler out = new SnapshotAssembler();
        AwsTarget other = AwsTarget.defaultCredentials("210987654321", "us-east-1");
        collector.addTo(out, TestEnvironment.TARGET, inventory, allValues(60), Map.of());
        collector.addTo(out, other, inventory, allValues(120), Map.of());

        MetricSnapshots snap = out.build();

        assertThat(out.duplicates()).isZero();
        assertThat(value(snap, "tierlens_alb_requests_per_second", "region", "eu-west-1"))
                .contains(1.0);
        assertThat(value(snap, "tierlens_alb_requests_per_second", "account_id", "210987654321"))
                .contains(2.0);
    }
}
