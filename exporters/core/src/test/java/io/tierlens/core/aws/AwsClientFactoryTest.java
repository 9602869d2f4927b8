package io.tierlens.core.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.Scraped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The live client stack against a local stub of CloudWatch's awsQuery protocol: our retry, rate limiter and
 * request counting as the real SDK drives them, with no AWS account.
 */
class AwsClientFactoryTest {
    private static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final String THROTTLED = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
            + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId>"
            + "</ErrorResponse>";
    private static final String DENIED = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
            + "<Code>AccessDenied</Code><Message>not authorized</Message></Error><RequestId>r2</RequestId>"
            + "</ErrorResponse>";
    private static final String DATA = "<GetMetricDataResponse xmlns=\"" + NS + "\"><GetMetricDataResult>"
            + "<MetricDataResults><member><Id>q0</Id><Label>RequestCount</Label><StatusCode>Complete</StatusCode>"
            + "<Timestamps><member>2026-01-01T12:02:00Z</member><member>2026-01-01T12:01:00Z</member></Timestamps>"
            + "<Values><member>120.0</member><member>60.0</member></Values></member></MetricDataResults>"
            + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata>"
            + "</GetMetricDataResponse>";
    private static final List<CloudWatchApi.IdentifiedQuery> QUERY = List.of(new CloudWatchApi.IdentifiedQuery(
            "q0",
            new MetricQuery(
                    "AWS/ApplicationELB",
                    "RequestCount",
                    Map.of("LoadBalancer", "app/web/1"),
                    "Sum",
                    Duration.ofMinutes(1),
                    true)));

    private final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private AwsClientFactory factory;

    @BeforeEach
    void start() {
        stub.start();
        // static test credentials for the default chain; nothing leaves this machine
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        factory = new AwsClientFactory(
                new AwsConfig(
                        "http://localhost:" + stub.port(),
                        "123456789012",
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(20),
                        5,
                        null,
                        null,
                        null),
                new SelfMetrics(registry));
    }

    @AfterEach
    void stop() {
        factory.close();
        stub.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private SdkCloudWatchApi cloudWatch() {
        return new SdkCloudWatchApi(
                factory.build(CloudWatchClient.builder(), AwsTarget.defaultCredentials("123456789012", "eu-west-1")));
    }

    private double requests(String outcome) {
        return Scraped.counter(
                registry,
                "tierlens_aws_api_requests_total",
                "service",
                "cloudwatch",
                "operation",
                "GetMetricData",
                "outcome",
                outcome);
    }

    @Test
    void throttledAttemptsAreRetriedAndEachIsCounted() {
        stub.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(THROTTLED))
                .willSetStateTo("throttled once"));
        stub.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("throttled once")
                .willReturn(aResponse().withStatus(200).withBody(DATA)));

        Map<String, List<CloudWatchApi.Datapoint>> data;
        try (SdkCloudWatchApi api = cloudWatch()) {
            data = api.getMetricData(
                    QUERY, Instant.parse("2026-01-01T11:58:00Z"), Instant.parse("2026-01-01T12:03:00Z"));
        }

        assertThat(data.get("q0"))
                .containsExactly(
                        new CloudWatchApi.Datapoint(Instant.parse("2026-01-01T12:02:00Z"), 120.0),
                        new CloudWatchApi.Datapoint(Instant.parse("2026-01-01T12:01:00Z"), 60.0));
        stub.verify(2, postRequestedFor(urlEqualTo("/")));
        assertThat(requests("throttled")).isEqualTo(1);
        assertThat(requests("ok")).isEqualTo(1);
        assertThat(requests("error")).isZero();
    }

    @Test
    void accessDeniedIsNotRetriedAndIsClassified() {
        stub.stubFor(
                post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody(DENIED)));

        try (SdkCloudWatchApi api = cloudWatch()) {
            assertThatThrownBy(() -> api.getMetricData(
                            QUERY, Instant.parse("2026-01-01T11:58:00Z"), Instant.parse("2026-01-01T12:03:00Z")))
                    .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        }

        stub.verify(1, postRequestedFor(urlEqualTo("/")));
        assertThat(requests("error")).isEqualTo(1);
    }
}
