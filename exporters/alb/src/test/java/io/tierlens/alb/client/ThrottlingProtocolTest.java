package io.tierlens.alb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.Snapshots;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * AWS sheds load three ways: HTTP 400 with {@code <Code>Throttling</Code>} (the awsQuery services), HTTP 429,
 * and HTTP 503. The SDK retries each, and every throttled attempt is counted as {@code outcome="throttled"}.
 */
class ThrottlingProtocolTest {
    private final AwsWireMock aws = new AwsWireMock(3);
    private final SdkAlbApi api = new SdkAlbApi(aws.client(ElasticLoadBalancingV2Client.builder()));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    static Stream<Arguments> throttles() {
        return Stream.of(
                Arguments.of("400 Throttling", aResponse().withStatus(400).withBody(resource("elbv2/throttling.xml"))),
                Arguments.of("429", aResponse().withStatus(429).withBody("Too Many Requests")),
                Arguments.of("503", aResponse().withStatus(503).withBody(resource("elbv2/service-unavailable.xml"))));
    }

    private Optional<Double> requests(String outcome) {
        return Snapshots.value(
                aws.registry.scrape(),
                "tierlens_aws_api_requests_total",
                "service",
                "elasticloadbalancingv2",
                "operation",
                "DescribeLoadBalancers",
                "outcome",
                outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttles")
    void throttledThenOkIsRetriedAndCountedAsThrottled(String name, ResponseDefinitionBuilder throttle) {
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .withRequestBody(containing("Action=DescribeLoadBalancers"))
                .willReturn(throttle)
                .willSetStateTo("recovered"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .withRequestBody(containing("Action=DescribeLoadBalancers"))
                .willReturn(aResponse().withStatus(200).withBody(resource("elbv2/describe-load-balancers-page2.xml"))));

        List<LoadBalancer> lbs = api.describeLoadBalancers();

        assertThat(lbs).extracting(LoadBalancer::name).containsExactly("internal-admin");
        assertThat(aws.bodies("DescribeLoadBalancers")).hasSize(2);
        assertThat(requests("throttled")).as(name).contains(1.0);
        assertThat(requests("ok")).as(name).contains(1.0);
        assertThat(requests("error")).as(name).isEmpty();
    }
}
