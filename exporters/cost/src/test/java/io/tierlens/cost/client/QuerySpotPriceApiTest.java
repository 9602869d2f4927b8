package io.tierlens.cost.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.Scraped;
import io.tierlens.cost.model.SpotPrice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DescribeSpotPriceHistory over the EC2 query protocol (form-encoded request, XML answer). */
class QuerySpotPriceApiTest {
    private static final String PAGE_1 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                <spotPriceHistorySet>
                    <item>
                        <instanceType>c6i.large</instanceType>
                        <productDescription>Linux/UNIX</productDescription>
                        <spotPrice>0.031200</spotPrice>
                        <timestamp>2026-01-10T11:42:07.000Z</timestamp>
                        <availabilityZone>ap-northeast-2a</availabilityZone>
                    </item>
                    <item>
                        <instanceType>c6i.large</instanceType>
                        <productDescription>Linux/UNIX</productDescription>
                        <spotPrice>0.034500</spotPrice>
                        <timestamp>2026-01-10T08:10:51.000Z</timestamp>
                        <availabilityZone>ap-northeast-2c</availabilityZone>
                    </item>
                </spotPriceHistorySet>
                <nextToken>eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9</nextToken>
            </DescribeSpotPriceHistoryResponse>""";
    private static final String PAGE_2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>6a1b2c3d-35bd-4eac-99ed-be587EXAMPLE</requestId>
                <spotPriceHistorySet>
                    <item>
                        <instanceType>m6i.large</instanceType>
                        <productDescription>Linux/UNIX</productDescription>
                        <spotPrice>0.041100</spotPrice>
                        <timestamp>2026-01-10T10:00:00.000Z</timestamp>
                        <availabilityZone>ap-northeast-2b</availabilityZone>
                    </item>
                </spotPriceHistorySet>
                <nextToken/>
            </DescribeSpotPriceHistoryResponse>""";

    private final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private AwsClientFactory factory;

    @BeforeEach
    void start() {
        stub.start();
        factory = AwsStub.factory(stub, registry);
    }

    @AfterEach
    void stop() {
        factory.close();
        stub.stop();
    }

    @Test
    void followsPagesAndReadsEveryZonesPrice() {
        stub.stubFor(post("/")
                .withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody(PAGE_1)));
        stub.stubFor(post("/")
                .withRequestBody(containing("NextToken=eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody(PAGE_2)));
        QuerySpotPriceApi api = new QuerySpotPriceApi(
                factory.query(QueryService.EC2, AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")));

        List<SpotPrice> prices =
                api.spotPriceHistory(List.of("c6i.large", "m6i.large"), Instant.parse("2026-01-10T12:00:00Z"));

        assertThat(prices)
                .containsExactly(
                        new SpotPrice("c6i.large", "ap-northeast-2a", 0.0312, Instant.parse("2026-01-10T11:42:07Z")),
                        new SpotPrice("c6i.large", "ap-northeast-2c", 0.0345, Instant.parse("2026-01-10T08:10:51Z")),
                        new SpotPrice("m6i.large", "ap-northeast-2b", 0.0411, Instant.parse("2026-01-10T10:00:00Z")));
        stub.verify(2, postRequestedFor(urlEqualTo("/")));
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("InstanceType.1=c6i.large"))
                .withRequestBody(containing("InstanceType.2=m6i.large"))
                .withRequestBody(containing("ProductDescription.1=Linux%2FUNIX"))
                .withRequestBody(containing("StartTime=2026-01-10T12%3A00%3A00Z"))
                .withHeader("Authorization", containing("/ap-northeast-2/ec2/aws4_request")));
        assertThat(Scraped.counter(
                        registry,
                        "tierlens_aws_api_requests_total",
                        "service",
                        "ec2",
                        "operation",
                        "DescribeSpotPriceHistory",
                        "outcome",
                        "ok"))
                .isEqualTo(2);
    }

    @Test
    void unauthorizedOperationAndABrokenAnswerAreClassified() {
        stub.stubFor(post("/")
                .withRequestBody(containing("InstanceType.1=c6i.large"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not"
                                + " authorized to perform this operation.</Message></Error></Errors>"
                                + "<RequestID>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestID></Response>")));
        stub.stubFor(post("/")
                .withRequestBody(containing("InstanceType.1=m6i.large"))
                .willReturn(aResponse().withBody(PAGE_1.substring(0, PAGE_1.indexOf("<spotPrice>")))));
        QuerySpotPriceApi api = new QuerySpotPriceApi(
                factory.query(QueryService.EC2, AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")));
        Instant start = Instant.parse("2026-01-10T12:00:00Z");

        assertThatThrownBy(() -> api.spotPriceHistory(List.of("c6i.large"), start))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThatThrownBy(() -> api.spotPriceHistory(List.of("m6i.large"), start))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
    }
}
