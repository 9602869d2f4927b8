package io.tierlens.alb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.core.aws.LiveApiClients;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The production wiring ({@link AlbModule} → {@link LiveApiClients} → real SDK clients → WireMock) through a
 * good refresh and then persistent throttling of every per-refresh call.
 */
class AlbExporterProtocolTest {
    private static final String WEB_ARN =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-shop-web-3f9a1c2b7d/50dc6c495c0c9188";

    private final AwsWireMock aws = new AwsWireMock(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:05:30Z"));
    private final LiveApiClients clients = new LiveApiClients(aws.factory);
    private final SdkCloudWatchApi cloudWatch =
            new SdkCloudWatchApi(aws.factory.build(CloudWatchClient.builder(), AwsWireMock.TARGET));
    private final CloudWatchPlanner planner = new CloudWatchPlanner(
            new CloudWatchConfig(null, null, null, null, Duration.ofMillis(100)), t -> cloudWatch, clock, aws.self);

    @AfterEach
    void stop() {
        cloudWatch.close();
        clients.close();
        aws.close();
    }

    private void stub(String action, String resource) {
        stub(action, resource, 200);
    }

    private void stub(String action, String resource, int status) {
        aws.server.stubFor(
                action(action).willReturn(aResponse().withStatus(status).withBody(resource(resource))));
    }

    private static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private void healthyAws() {
        stub("DescribeLoadBalancers", "elbv2/describe-load-balancers-page1.xml");
        aws.server.stubFor(action("DescribeLoadBalancers")
                .atPriority(1)
                .withRequestBody(containing("Marker="))
                .willReturn(aResponse().withStatus(200).withBody(resource("elbv2/describe-load-balancers-page2.xml"))));
        stub("DescribeTags", "elbv2/describe-tags.xml");
        aws.server.stubFor(action("DescribeTags")
                .atPriority(1)
                .withRequestBody(containing("targetgroup"))
                .willReturn(aResponse().withStatus(200).withBody(resource("elbv2/describe-tags-target-groups.xml"))));
        stub("DescribeListeners", "elbv2/describe-listeners-empty.xml");
        aws.server.stubFor(action("DescribeListeners")
                .atPriority(1)
                .withRequestBody(containing(
                        "LoadBalancerArn=" + WEB_ARN.replace(":", "%3A").replace("/", "%2F")))
                .willReturn(aResponse().withStatus(200).withBody(resource("elbv2/describe-listeners.xml"))));
        stub("DescribeTargetGroups", "elbv2/describe-target-groups.xml");
        stub("DescribeTargetHealth", "elbv2/describe-target-health.xml");
        stub("GetMetricData", "cloudwatch/get-metric-data.xml");
    }

    private Optional<Double> requests(String service, String operation, String outcome) {
        return value(
                aws.registry.scrape(),
                "tierlens_aws_api_requests_total",
                "service",
                service,
                "operation",
                operation,
                "outcome",
                outcome);
    }

    @Test
    void persistentThrottlingEndsInLastGoodDataWithExporterDown() {
        healthyAws();
        ExporterEnvironment env =
                new ExporterEnvironment(clock, List.of(AwsWireMock.TARGET), clients, planner, aws.self);
        AlbConfig config = EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, null, null));
        ExporterRunner runner = new ExporterRunner(new AlbModule().create(config, env), aws.self, clock, 50_000);
        ExporterSuite suite = new ExporterSuite(List.of(runner), clock);

        runner.refreshOnce();

        assertThat(runner.state().up()).isTrue();
        MetricSnapshots good = runner.servable();
        assertThat(labels(good, "tierlens_alb_info"))
                .extracting(l -> l.get("load_balancer") + " " + l.get("ingress"))
                .containsExactlyInAnyOrder("k8s-shop-web-3f9a1c2b7d shop/web", "internal-admin ");
        assertThat(labels(good, "tierlens_alb_target_group_info"))
                .extracting(l -> l.get("namespace") + "/" + l.get("service") + ":" + l.get("port"))
                .containsExactlyInAnyOrder("shop/nginx:80", "shop/was:http");
        assertThat(value(
                        good,
                        "tierlens_alb_target_health",
                        "target_group",
                        "k8s-shop-was-5f6e7d8c9b",
                        "state",
                        "unhealthy"))
                .contains(1.0);
        assertThat(requests("cloudwatch", "GetMetricData", "ok")).contains(1.0);
        assertThat(aws.bodies("GetMetricData"))
                .singleElement()
                .satisfies(b -> assertThat(AwsWireMock.form(b))
                        // 2 ALBs x 20 + 2 target groups x 12
                        .containsKey("MetricDataQueries.member.64.Id")
                        .doesNotContainKey("MetricDataQueries.member.65.Id"));

        // Now AWS throttles everything that runs every refresh, and keeps doing so.
        aws.server.resetMappings();
        healthyAws();
        stub("DescribeTargetHealth", "elbv2/throttling.xml", 400);
        aws.server.stubFor(action("GetMetricData")
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody(resource("cloudwatch/throttling.xml"))));
        clock.advance(Duration.ofSeconds(60));
        runner.refreshOnce();

        assertThat(runner.state().up()).isFalse();
        assertThat(runner.state().lastErrorReason()).contains("throttled");
        assertThat(runner.servable()).isSameAs(good);
        MetricSnapshots served = suite.collect();
        assertThat(value(served, "tierlens_exporter_up", "exporter", "alb")).contains(0.0);
        assertThat(labels(served, "tierlens_alb_info")).hasSize(2);
        // Every attempt counted: max_attempts 2 per call; target health stops after its first throttled call.
        assertThat(requests("cloudwatch", "GetMetricData", "throttled")).contains(2.0);
        assertThat(requests("elasticloadbalancingv2", "DescribeTargetHealth", "throttled"))
                .contains(2.0);
        assertThat(value(
                        aws.registry.scrape(),
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "alb",
                        "target",
                        AwsWireMock.TARGET.key(),
                        "reason",
                        "throttled"))
                // one per failed part of the target: CloudWatch and DescribeTargetHealth
                .contains(2.0);
        assertThat(aws.bodies("ListMetrics")).isEmpty();
    }
}
