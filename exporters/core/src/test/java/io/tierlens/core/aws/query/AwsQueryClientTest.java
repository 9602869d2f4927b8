package io.tierlens.core.aws.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.SafeErrorText;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.Scraped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Query client against a local stand-in for AWS: signing, paging, the SDK's retry decisions, timeouts, request
 * counting and error classification, with the answer shapes RDS and EC2 really send.
 */
class AwsQueryClientTest {
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String RDS_THROTTLED = "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
            + "<RequestId>2d5c8a3e-1111-4c5e-9f6a-7b8c9d0e1f2a</RequestId></ErrorResponse>";
    private static final String RDS_OK =
            "<DescribeDBParametersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                    + "<DescribeDBParametersResult><Parameters/></DescribeDBParametersResult>"
                    + "<ResponseMetadata><RequestId>7e1f2a3b-2222-4d5e-8f6a-7b8c9d0e1f2a</RequestId></ResponseMetadata>"
                    + "</DescribeDBParametersResponse>";
    private static final String EC2_DENIED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
            + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User:"
            + " arn:aws:sts::123456789012:assumed-role/tierlens/i-0abc is not authorized</Message></Error></Errors>"
            + "<RequestID>b2a0d7c4-3333-4a5e-8f6a-7b8c9d0e1f2a</RequestID></Response>";

    private final AwsWireMock aws = new AwsWireMock(3);

    @AfterEach
    void stop() {
        aws.close();
    }

    private double requests(String service, String operation, String outcome) {
        return Scraped.counter(
                aws.registry,
                "tierlens_aws_api_requests_total",
                "service",
                service,
                "operation",
                operation,
                "outcome",
                outcome);
    }

    private static String ec2Page(String items, String nextToken) {
        return "<DescribeNatGatewaysResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><natGatewaySet>" + items
                + "</natGatewaySet>" + (nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeNatGatewaysResponse>";
    }

    @Test
    void signsFormPostsAndFollowsEc2NextTokenPages() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(aResponse().withBody(ec2Page("<item><id>a</id></item><item><id>b</id></item>", "t+1/="))));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("NextToken=t%2B1%2F%3D"))
                .willReturn(aResponse().withBody(ec2Page("<item><id>c</id></item>", null))));
        List<String> ids = new ArrayList<>();

        aws.query(QueryService.EC2)
                .pages(
                        "DescribeNatGateways",
                        Map.of("MaxResults", "1000"),
                        page -> page.list("natGatewaySet").forEach(i -> ids.add(i.string("id"))));

        assertThat(ids).containsExactly("a", "b", "c");
        List<Map<String, String>> forms = aws.forms("DescribeNatGateways");
        assertThat(forms).hasSize(2);
        assertThat(forms.get(0))
                .containsEntry("Version", "2016-11-15")
                .containsEntry("MaxResults", "1000")
                .doesNotContainKey("NextToken");
        assertThat(forms.get(1)).containsEntry("NextToken", "t+1/=");
        assertThat(aws.requests().get(0).getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/")
                .contains("/" + AwsWireMock.TARGET.region() + "/ec2/aws4_request");
        assertThat(aws.requests().get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(requests("ec2", "DescribeNatGateways", "ok")).isEqualTo(2);
    }

    @Test
    void rdsAccessDeniedIsClassifiedNotRetriedAndKeepsAwsMessageOut() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error>"
                                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:"
                                + "assumed-role/tierlens/x is not authorized</Message></Error>"
                                + "<RequestId>3f1e2d4c-5b6a</RequestId></ErrorResponse>")));
        AwsQueryClient rds = aws.query(QueryService.RDS);

        assertThatThrownBy(() -> rds.call("DescribeDBInstances", Map.of())).satisfies(e -> {
            assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(SafeErrorText.describe(e)).isEqualTo("AccessDenied (HTTP 403)");
            assertThat(e.toString()).doesNotContain("arn:aws:sts").doesNotContain("3f1e2d4c");
        });
        assertThat(aws.forms("DescribeDBInstances")).hasSize(1);
        assertThat(requests("rds", "DescribeDBInstances", "error")).isEqualTo(1);
    }

    @Test
    void ec2UnauthorizedOperationIsAccessDenied() {
        aws.server.stubFor(
                post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody(EC2_DENIED)));

        assertThatThrownBy(() -> aws.query(QueryService.EC2).call("DescribeSpotPriceHistory", Map.of()))
                .satisfies(e -> {
                    assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED);
                    assertThat(SafeErrorText.describe(e)).isEqualTo("UnauthorizedOperation (HTTP 403)");
                    assertThat(e.getMessage()).doesNotContain("arn:aws:sts");
                });
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void throttlingIsRetriedWithTheSdkStrategyAndEachAttemptCounted() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(RDS_THROTTLED))
                .willSetStateTo("throttled once"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("throttled once")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("<Response><Errors><Error><Code>RequestLimitExceeded"
                                + "</Code></Error></Errors></Response>"))
                .willSetStateTo("throttled twice"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("throttled twice")
                .willReturn(aResponse().withBody(RDS_OK)));

        XmlElement doc = aws.query(QueryService.RDS).call("DescribeDBParameters", Map.of());

        assertThat(doc.name()).isEqualTo("DescribeDBParametersResponse");
        assertThat(aws.requests()).hasSize(3);
        assertThat(requests("rds", "DescribeDBParameters", "throttled")).isEqualTo(2);
        assertThat(requests("rds", "DescribeDBParameters", "ok")).isEqualTo(1);
    }

    @Test
    void throttlingThatOutlastsTheAttemptsIsThrottled() {
        aws.server.stubFor(
                post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withBody(RDS_THROTTLED)));

        assertThatThrownBy(() -> aws.query(QueryService.RDS).call("DescribeDBInstances", Map.of()))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.THROTTLED));
        assertThat(aws.requests()).hasSize(3);
    }

    @Test
    void serverErrorsAreRetriedOtherClientErrorsAreNot() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("<ErrorResponse><Error><Code>InternalFailure</Code>" + "</Error></ErrorResponse>")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBParameters"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("<ErrorResponse><Error><Code>"
                                + "DBParameterGroupNotFound</Code></Error></ErrorResponse>")));
        AwsQueryClient rds = aws.query(QueryService.RDS);

        assertThatThrownBy(() -> rds.call("DescribeDBInstances", Map.of()))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.REMOTE_ERROR));
        assertThatThrownBy(() -> rds.call("DescribeDBParameters", Map.of()))
                .satisfies(e -> assertThat(SafeErrorText.describe(e)).isEqualTo("DBParameterGroupNotFound (HTTP 400)"));
        assertThat(aws.forms("DescribeDBInstances")).hasSize(3);
        assertThat(aws.forms("DescribeDBParameters")).hasSize(1);
        assertThat(requests("rds", "DescribeDBInstances", "error")).isEqualTo(3);
    }

    @Test
    @Timeout(20)
    void hostileAndTruncatedAnswersFailAsInvalidResponses() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(aResponse()
                        .withBody("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<DescribeDBInstancesResponse>&x;</DescribeDBInstancesResponse>")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBClusters"))
                .willReturn(aResponse().withBody("<DescribeDBClustersResponse><DescribeDBClustersResult><DBClu")));
        AwsQueryClient rds = aws.query(QueryService.RDS);

        assertThatThrownBy(() -> rds.call("DescribeDBInstances", Map.of()))
                .isInstanceOf(MalformedResponseException.class)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
        assertThatThrownBy(() -> rds.call("DescribeDBClusters", Map.of()))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
        assertThat(requests("rds", "DescribeDBInstances", "error")).isEqualTo(1);
    }

    @Test
    void aPageTokenThatComesBackIsALoopNotAnEndlessListing() {
        aws.server.stubFor(
                post(urlEqualTo("/")).willReturn(aResponse().withBody(ec2Page("<item><id>a</id></item>", "same"))));

        assertThatThrownBy(() -> aws.query(QueryService.EC2).pages("DescribeNatGateways", Map.of(), p -> {}))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("same page token");
        assertThat(aws.requests()).hasSize(2);
    }

    @Test
    void aBrokenConnectionIsUnreachableAfterRetries() {
        aws.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> aws.query(QueryService.RDS).call("DescribeDBInstances", Map.of()))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.UNREACHABLE));
        assertThat(aws.requests()).hasSize(3);
    }

    @Test
    @Timeout(30)
    void aSlowAnswerEndsInATimeoutNotAHang() {
        aws.server.stubFor(
                post(urlEqualTo("/")).willReturn(aResponse().withBody(RDS_OK).withChunkedDribbleDelay(50, 20_000)));
        try (AwsClientFactory slow = new AwsClientFactory(
                new AwsConfig(
                        aws.server.baseUrl(),
                        AwsWireMock.TARGET.accountId(),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(1),
                        2,
                        1000.0,
                        Map.of(),
                        true),
                new SelfMetrics(new io.prometheus.metrics.model.registry.PrometheusRegistry()))) {
            AwsQueryClient rds = slow.query(QueryService.RDS, AwsWireMock.TARGET);
            long start = System.nanoTime();

            assertThatThrownBy(() -> rds.call("DescribeDBParameters", Map.of()))
                    .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void withoutAnOverrideRequestsGoToTheRegionalEndpoint() {
        try (AwsClientFactory real = new AwsClientFactory(
                new AwsConfig(null, "123456789012", null, null, null, null, null, null),
                new SelfMetrics(new io.prometheus.metrics.model.registry.PrometheusRegistry()))) {
            AwsTarget target = AwsTarget.defaultCredentials("123456789012", "eu-west-1");

            assertThat(real.query(QueryService.EC2, target).endpoint())
                    .hasToString("https://ec2.eu-west-1.amazonaws.com");
            assertThat(real.query(QueryService.RDS, target.inRegion("cn-north-1"))
                            .endpoint())
                    .hasToString("https://rds.cn-north-1.amazonaws.com.cn");
        }
    }
}
