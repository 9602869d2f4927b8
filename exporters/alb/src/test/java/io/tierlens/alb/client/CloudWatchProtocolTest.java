package io.tierlens.alb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.form;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch GetMetricData over the wire at SDK 2.40.2, which speaks awsQuery: the form the planner's calls
 * become, and the XML answer turned into newest-complete values.
 */
class CloudWatchProtocolTest {
    private final AwsWireMock aws = new AwsWireMock(2);
    private final SdkCloudWatchApi cloudWatch = new SdkCloudWatchApi(aws.client(CloudWatchClient.builder()));
    // 10:05:30 with the default 120 s delay: window [09:58, 10:03), newest complete period 10:02.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:05:30Z"));
    private final CloudWatchPlanner planner = new CloudWatchPlanner(
            new CloudWatchConfig(null, Duration.ofSeconds(120), null, null, Duration.ofMillis(100)),
            t -> cloudWatch,
            clock,
            aws.self);

    private final LoadBalancer lb = new LoadBalancer(
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-shop-web-3f9a1c2b7d/50dc6c495c0c9188",
            "k8s-shop-web-3f9a1c2b7d",
            "k8s-shop-web-3f9a1c2b7d-424835706.eu-west-1.elb.amazonaws.com",
            "internet-facing",
            "active",
            Map.of());

    @AfterEach
    void stop() {
        cloudWatch.close();
        aws.close();
    }

    /** RequestCount Sum, HTTPCode_ELB_3XX_Count Sum, TargetResponseTime Average: the first three of the set. */
    private List<MetricQuery> threeQueries() {
        List<MetricQuery> all = new AlbQueries(
                        EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, false, null)),
                        Duration.ofSeconds(60))
                .queries(new AlbInventory(List.of(lb), List.of(), List.of(), Map.of(), Map.of(), Instant.EPOCH));
        MetricQuery requests = find(all, "RequestCount", "Sum");
        MetricQuery elb3xx = find(all, "HTTPCode_ELB_3XX_Count", "Sum");
        MetricQuery latency = find(all, "TargetResponseTime", "Average");
        return List.of(requests, elb3xx, latency);
    }

    private static MetricQuery find(List<MetricQuery> qs, String metric, String stat) {
        return qs.stream()
                .filter(q -> q.metricName().equals(metric) && q.statistic().equals(stat))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void getMetricDataIsAnAwsQueryFormWithAlignedWindowAndParsesTheXmlAnswer() throws Exception {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(resource("cloudwatch/get-metric-data.xml"))));
        List<MetricQuery> queries = threeQueries();
        planner.expect("alb", AwsWireMock.TARGET);

        Map<MetricQuery, MetricValue> values = planner.fetch("alb", AwsWireMock.TARGET, queries);

        List<String> bodies = aws.bodies("GetMetricData");
        assertThat(bodies).hasSize(1);
        String raw = bodies.get(0);
        assertThat(raw)
                .contains("Action=GetMetricData")
                .contains("Version=2010-08-01")
                .contains("MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FApplicationELB");
        Map<String, String> form = form(raw);
        assertThat(form)
                .containsEntry("MetricDataQueries.member.1.Id", "q0")
                .containsEntry("MetricDataQueries.member.1.ReturnData", "true")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "RequestCount")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "LoadBalancer")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value",
                        "app/k8s-shop-web-3f9a1c2b7d/50dc6c495c0c9188")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "Sum")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "60")
                .containsEntry("MetricDataQueries.member.3.Id", "q2")
                .containsEntry("MetricDataQueries.member.3.MetricStat.Metric.MetricName", "TargetResponseTime")
                .containsEntry("MetricDataQueries.member.3.MetricStat.Stat", "Average")
                .containsEntry("StartTime", "2026-11-21T09:58:00Z")
                .containsEntry("EndTime", "2026-11-21T10:03:00Z")
                .containsEntry("ScanBy", "TimestampDescending")
                .doesNotContainKey("MetricDataQueries.member.4.Id")
                .doesNotContainKey("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name");

        Instant newest = Instant.parse("2026-11-21T10:02:00Z");
        assertThat(values.get(queries.get(0)))
                .isEqualTo(new MetricValue(1320.0, newest, Duration.ofSeconds(60), false));
        assertThat(values.get(queries.get(0)).perSecond()).isEqualTo(22.0);
        // Omitted counter: zero for the newest period.
        assertThat(values.get(queries.get(1))).isEqualTo(new MetricValue(0, newest, Duration.ofSeconds(60), true));
        // Latency is not zero-filled: its newest datapoint is one period older and is used as it is.
        assertThat(values.get(queries.get(2)))
                .isEqualTo(
                        new MetricValue(0.0423, Instant.parse("2026-11-21T10:01:00Z"), Duration.ofSeconds(60), false));
        assertThat(aws.requests())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.getHeader("Authorization")).contains("/eu-west-1/monitoring/aws4_request"));
        assertThat(Snapshots.value(
                        aws.registry.scrape(),
                        "tierlens_aws_api_requests_total",
                        "service",
                        "cloudwatch",
                        "operation",
                        "GetMetricData",
                        "outcome",
                        "ok"))
                .contains(1.0);
        assertThat(Snapshots.value(
                        aws.registry.scrape(), "tierlens_cloudwatch_metrics_requested_total", "exporter", "alb"))
                .contains(3.0);
    }
}
