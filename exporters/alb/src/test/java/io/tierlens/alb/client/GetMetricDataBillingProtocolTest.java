package io.tierlens.alb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.cloudwatch.CloudWatchApi.IdentifiedQuery;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * {@code tierlens_aws_api_cost_usd_total{service="cloudwatch"}} counts the attempts AWS bills — answered with data —
 * once each; throttled and failed attempts the SDK retries cost nothing (docs/cloudwatch-cost.md, "What is billed").
 */
class GetMetricDataBillingProtocolTest {
    private final AwsWireMock aws = new AwsWireMock(3);
    private final SdkCloudWatchApi api = new SdkCloudWatchApi(aws.client(CloudWatchClient.builder()));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    private static List<IdentifiedQuery> threeQueries() {
        return List.of("a", "b", "c").stream()
                .map(lb -> new IdentifiedQuery(
                        "q" + lb,
                        new MetricQuery(
                                "AWS/ApplicationELB",
                                "RequestCount",
                                Map.of("LoadBalancer", "app/" + lb + "/1"),
                                "Sum",
                                Duration.ofSeconds(60),
                                true)))
                .toList();
    }

    private Optional<Double> cost() {
        return Snapshots.value(aws.registry.scrape(), "tierlens_aws_api_cost_usd_total", "service", "cloudwatch");
    }

    @Test
    void throttledAndFailedAttemptsAreNotBilledTheAnsweredOneIs() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("retry")
                .whenScenarioStateIs(STARTED)
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse().withStatus(400).withBody(resource("cloudwatch/throttling.xml")))
                .willSetStateTo("throttled once"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("retry")
                .whenScenarioStateIs("throttled once")
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse().withStatus(500).withBody("<ErrorResponse/>"))
                .willSetStateTo("failed once"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("retry")
                .whenScenarioStateIs("failed once")
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(resource("cloudwatch/get-metric-data.xml"))));

        api.getMetricData(threeQueries(), Instant.parse("2026-11-21T09:58:00Z"), Instant.parse("2026-11-21T10:03:00Z"));

        assertThat(aws.bodies("GetMetricData")).hasSize(3);
        assertThat(cost()).hasValueSatisfying(usd -> assertThat(usd).isCloseTo(3 * 0.00001, within()));
    }

    @Test
    void aCallAwsNeverAnsweredCostsNothing() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse().withStatus(400).withBody(resource("cloudwatch/throttling.xml"))));

        try {
            api.getMetricData(
                    threeQueries(), Instant.parse("2026-11-21T09:58:00Z"), Instant.parse("2026-11-21T10:03:00Z"));
        } catch (RuntimeException expected) {
            // throttled three times: the call fails
        }

        assertThat(aws.bodies("GetMetricData")).hasSize(3);
        assertThat(cost().orElse(0.0)).isZero();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
