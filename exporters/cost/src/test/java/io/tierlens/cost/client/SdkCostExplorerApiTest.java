package io.tierlens.cost.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.cost.client.CostExplorerApi.CostPage;
import io.tierlens.cost.model.ServiceCost;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

class SdkCostExplorerApiTest {
    private final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private AwsClientFactory factory;
    private SdkCostExplorerApi api;

    @BeforeEach
    void start() {
        stub.start();
        factory = AwsStub.factory(stub, new PrometheusRegistry());
        api = new SdkCostExplorerApi(
                factory.build(CostExplorerClient.builder(), AwsTarget.defaultCredentials("123456789012", "us-east-1")));
    }

    @AfterEach
    void stop() {
        factory.close();
        stub.stop();
    }

    @Test
    void readsCostByService() {
        stub.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("""
                                {"GroupDefinitions":[{"Type":"DIMENSION","Key":"SERVICE"}],
                                 "ResultsByTime":[{"TimePeriod":{"Start":"2026-01-01","End":"2026-01-10"},
                                   "Total":{},"Estimated":true,"Groups":[
                                   {"Keys":["Amazon Relational Database Service"],
                                    "Metrics":{"UnblendedCost":{"Amount":"189.0123","Unit":"USD"}}},
                                   {"Keys":["Tax"],"Metrics":{"UnblendedCost":{"Amount":"0","Unit":"USD"}}}]}],
                                 "NextPageToken":"AAMA-EFRSURBSGhiSGhTNkVMa2xqRGFJdWhuWWt3cmMzVTRwYUVCbjJ5NUU3Zz09",
                                 "DimensionValueAttributes":[]}""")));

        CostPage page =
                api.costByService(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-10"), Optional.empty());

        assertThat(page.costs())
                .containsExactly(
                        new ServiceCost("Amazon Relational Database Service", 189.0123), new ServiceCost("Tax", 0.0));
        assertThat(page.nextPageToken()).isPresent();
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.TimePeriod.Start", equalTo("2026-01-01")))
                .withRequestBody(matchingJsonPath("$.TimePeriod.End", equalTo("2026-01-10")))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$.GroupBy[0].Key", equalTo("SERVICE"))));
    }

    @Test
    void readsAServiceForecast() {
        stub.stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostForecast"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("""
                                {"Total":{"Amount":"420.51","Unit":"USD"},
                                 "ForecastResultsByTime":[{"TimePeriod":{"Start":"2026-01-10","End":"2026-02-01"},
                                   "MeanValue":"420.51"}]}""")));

        double v = api.forecast(
                LocalDate.parse("2026-01-10"),
                LocalDate.parse("2026-02-01"),
                Optional.of("Amazon Relational Database Service"));

        assertThat(v).isEqualTo(420.51);
        stub.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.Metric", equalTo("UNBLENDED_COST")))
                .withRequestBody(matchingJsonPath(
                        "$.Filter.Dimensions.Values[0]", equalTo("Amazon Relational Database Service"))));
    }
}
