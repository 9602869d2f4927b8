package io.tierlens.cost.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.SafeErrorText;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.cost.model.NatGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DescribeNatGateways over the EC2 Query protocol: the request, EC2's XML answer, its errors and hostile answers. */
class QueryNatGatewayApiTest {
    private static final String TOKEN = "eyJuIjoibmF0LTBiMiJ9";
    private static final String PAGE_1 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>bfed02c6-dae9-47c0-86a2-fEXAMPLE</requestId>
                <natGatewaySet>
                    <item>
                        <createTime>2026-08-25T01:56:51.000Z</createTime>
                        <natGatewayAddressSet>
                            <item>
                                <allocationId>eipalloc-0790180cd2EXAMPLE</allocationId>
                                <networkInterfaceId>eni-09cc4b2558794f7f9</networkInterfaceId>
                                <privateIp>10.0.0.211</privateIp>
                                <publicIp>54.85.121.213</publicIp>
                                <associationId>eipassoc-04d295cc9b8815b24</associationId>
                                <isPrimary>true</isPrimary>
                                <status>succeeded</status>
                            </item>
                        </natGatewayAddressSet>
                        <natGatewayId>nat-0a1b2c3d4e5f60001</natGatewayId>
                        <state>available</state>
                        <subnetId>subnet-0a1b2c3d4e5f6a7b8</subnetId>
                        <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
                        <tagSet>
                            <item>
                                <key>Name</key>
                                <value>shop-nat-a</value>
                            </item>
                            <item>
                                <key>tier</key>
                                <value>web</value>
                            </item>
                        </tagSet>
                        <connectivityType>public</connectivityType>
                    </item>
                    <item>
                        <createTime>2026-07-01T10:00:00.000Z</createTime>
                        <deleteTime>2026-12-04T23:10:00.000Z</deleteTime>
                        <natGatewayAddressSet/>
                        <natGatewayId>nat-0a1b2c3d4e5f60002</natGatewayId>
                        <state>deleted</state>
                        <subnetId>subnet-0b1b2c3d4e5f6a7b8</subnetId>
                        <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
                        <connectivityType>public</connectivityType>
                    </item>
                </natGatewaySet>
                <nextToken>eyJuIjoibmF0LTBiMiJ9</nextToken>
            </DescribeNatGatewaysResponse>""";
    private static final String PAGE_2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>c0fe13d7-ebfa-48d1-97b3-fEXAMPLE</requestId>
                <natGatewaySet>
                    <item>
                        <createTime>2026-12-04T23:55:00.000Z</createTime>
                        <natGatewayId>nat-0a1b2c3d4e5f60003</natGatewayId>
                        <state>pending</state>
                        <subnetId>subnet-0c1b2c3d4e5f6a7b8</subnetId>
                        <vpcId>vpc-0b60eb65b4EXAMPLE</vpcId>
                        <connectivityType>private</connectivityType>
                    </item>
                </natGatewaySet>
            </DescribeNatGatewaysResponse>""";

    private final AwsWireMock aws = new AwsWireMock(3);
    private final QueryNatGatewayApi api = new QueryNatGatewayApi(aws.query(QueryService.EC2));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    @Test
    void followsNextTokenLeavesDeletedGatewaysOutAndReadsTags() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody(PAGE_1)));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("NextToken=" + TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody(PAGE_2)));

        List<NatGateway> gateways = api.natGateways();

        assertThat(gateways)
                .containsExactly(
                        new NatGateway(
                                "nat-0a1b2c3d4e5f60001",
                                "vpc-0a60eb65b4EXAMPLE",
                                "subnet-0a1b2c3d4e5f6a7b8",
                                "available",
                                "public",
                                Map.of("Name", "shop-nat-a", "tier", "web")),
                        new NatGateway(
                                "nat-0a1b2c3d4e5f60003",
                                "vpc-0b60eb65b4EXAMPLE",
                                "subnet-0c1b2c3d4e5f6a7b8",
                                "pending",
                                "private",
                                Map.of()));
        List<Map<String, String>> forms = aws.forms("DescribeNatGateways");
        assertThat(forms).hasSize(2);
        assertThat(forms.get(0)).containsEntry("Version", "2016-11-15").containsEntry("MaxResults", "1000");
        assertThat(forms.get(1)).containsEntry("NextToken", TOKEN);
    }

    @Test
    void unauthorizedOperationIsAccessDeniedWithoutAwsText() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                                + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this"
                                + " operation. User: arn:aws:sts::123456789012:assumed-role/tierlens/i-0abc is not"
                                + " authorized to perform: ec2:DescribeNatGateways</Message></Error></Errors>"
                                + "<RequestID>d7c3a2b1-5e4f-4a3b-9c8d-7e6f5a4b3c2d</RequestID></Response>")));

        assertThatThrownBy(api::natGateways).satisfies(e -> {
            assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(SafeErrorText.describe(e)).isEqualTo("UnauthorizedOperation (HTTP 403)");
        });
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void requestLimitExceededIsRetried() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
                                + "<Message>Request limit exceeded.</Message></Error></Errors>"
                                + "<RequestID>e1</RequestID></Response>"))
                .willSetStateTo("retried"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("limit")
                .whenScenarioStateIs("retried")
                .willReturn(aResponse().withBody(PAGE_2)));

        assertThat(api.natGateways()).extracting(NatGateway::id).containsExactly("nat-0a1b2c3d4e5f60003");
        assertThat(aws.requests()).hasSize(2);
    }

    @Test
    @Timeout(20)
    void hostileAnswersFailClearly() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withBody("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
                                + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><DescribeNatGatewaysResponse><natGatewaySet>"
                                + "<item><natGatewayId>&b;</natGatewayId></item></natGatewaySet>"
                                + "</DescribeNatGatewaysResponse>")));

        assertThatThrownBy(api::natGateways)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
    }
}
