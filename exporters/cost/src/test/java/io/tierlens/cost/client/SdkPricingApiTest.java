package io.tierlens.cost.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.cost.discovery.PriceListParser;
import io.tierlens.cost.testing.Fakes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pricing.PricingClient;

/** GetProducts over JSON 1.1: the price list arrives as JSON documents inside JSON strings. */
class SdkPricingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static String page(String nextToken, String... documents) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("FormatVersion", "aws_v1");
        if (nextToken != null) {
            body.put("NextToken", nextToken);
        }
        body.put("PriceList", List.of(documents));
        return JSON.writeValueAsString(body);
    }

    @Test
    void sendsTermMatchFiltersAndFollowsPages() throws Exception {
        String linux = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.1180000000");
        String windows = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.2100000000")
                .replace("\"operatingSystem\":\"Linux\"", "\"operatingSystem\":\"Windows\"");
        stub.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .withRequestBody(matchingJsonPath("$[?(!@.NextToken)]"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(page("p2", windows))));
        stub.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("p2")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(page(null, linux))));
        SdkPricingApi api = new SdkPricingApi(
                factory.build(PricingClient.builder(), AwsTarget.defaultCredentials("123456789012", "us-east-1")));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", "ap-northeast-2");
        filters.put("instanceType", "m6i.large");
        filters.put("operatingSystem", "Linux");

        List<String> docs = api.getProducts("AmazonEC2", filters);

        assertThat(docs).containsExactly(windows, linux);
        assertThat(PriceListParser.hourlyOnDemand(docs, filters)).hasValue(0.118);
        stub.verify(2, postRequestedFor(urlEqualTo("/")));
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
                .withRequestBody(matchingJsonPath("$.FormatVersion", equalTo("aws_v1")))
                .withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == 'instanceType' && @.Value == 'm6i.large' && @.Type == 'TERM_MATCH')]"))
                .withHeader("Authorization", containing("/us-east-1/pricing/aws4_request")));
    }
}
