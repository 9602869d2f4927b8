package io.tierlens.cost.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.cost.discovery.StaticUnitPriceTable;
import io.tierlens.cost.discovery.UnitPriceRefresher;
import io.tierlens.cost.discovery.UnitPriceRequests;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.UnitPriceTable;
import io.tierlens.cost.testing.Fakes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * The unit price requests as they leave the real SDK (JSON 1.1 GetProducts against WireMock): service code,
 * TERM_MATCH filters per component as the Price List documents them, and the answers parsed back.
 */
class UnitPricingProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsWireMock aws = new AwsWireMock(1);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void eachComponentsFiltersGoOutAsTermMatchAndItsAnswerIsPriced() throws Exception {
        for (UnitPriceRequests.Request r : UnitPriceRequests.forRegion("ap-northeast-2")) {
            var stub = post("/")
                    .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                    .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(r.serviceCode())));
            for (var f : r.filters().entrySet()) {
                stub = stub.withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == '" + f.getKey() + "' && @.Value == '" + f.getValue() + "')]"));
            }
            aws.server.stubFor(stub.willReturn(aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(JSON.writeValueAsString(Map.of(
                            "FormatVersion",
                            "aws_v1",
                            "PriceList",
                            Fakes.seoulUnitPriceAnswer(r.serviceCode(), r.filters()))))));
        }
        PricingApi api = new SdkPricingApi(
                aws.factory.build(PricingClient.builder(), AwsTarget.defaultCredentials("123456789012", "us-east-1")));
        UnitPriceRefresher refresher = new UnitPriceRefresher(
                api,
                StaticUnitPriceTable.bundled(),
                "ap-northeast-2",
                MutableClock.at("2026-12-01T00:00:00Z"),
                Duration.ofHours(1),
                Map.of());

        assertThat(refresher.refresh()).isEmpty();
        UnitPriceTable t = refresher.table();

        assertThat(t.prices().values()).allSatisfy(p -> assertThat(p.source()).isEqualTo(PricingSource.ONDEMAND_LIST));
        // The filters of each component, written out as the Price List names its attributes.
        expect("AWSELB", Map.of("regionCode", "ap-northeast-2", "productFamily", "Load Balancer-Application"));
        expect("AmazonEC2", Map.of("regionCode", "ap-northeast-2", "productFamily", "NAT Gateway"));
        expect("AmazonEC2", Map.of("regionCode", "ap-northeast-2", "productFamily", "Storage", "volumeApiName", "gp3"));
        expect("AmazonEKS", Map.of("regionCode", "ap-northeast-2"));
        expect(
                "AmazonRDS",
                Map.of(
                        "regionCode", "ap-northeast-2",
                        "productFamily", "Database Storage",
                        "volumeType", "General Purpose-GP3",
                        "deploymentOption", "Single-AZ",
                        "databaseEngine", "MySQL"));
        expect(
                "AmazonRDS",
                Map.of(
                        "regionCode", "ap-northeast-2",
                        "productFamily", "Provisioned IOPS",
                        "deploymentOption", "Single-AZ",
                        "databaseEngine", "MySQL"));
        assertThat(aws.requests()).hasSize(6);
    }

    private void expect(String serviceCode, Map<String, String> filters) {
        RequestPatternBuilder p = postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)))
                .withRequestBody(matchingJsonPath("$.FormatVersion", equalTo("aws_v1")))
                .withRequestBody(matchingJsonPath("$[?(@.Filters.length() == " + filters.size() + ")]"));
        for (var f : new LinkedHashMap<>(filters).entrySet()) {
            p = p.withRequestBody(matchingJsonPath("$.Filters[?(@.Field == '" + f.getKey() + "' && @.Value == '"
                    + f.getValue() + "' && @.Type == 'TERM_MATCH')]"));
        }
        aws.server.verify(1, p);
    }
}
