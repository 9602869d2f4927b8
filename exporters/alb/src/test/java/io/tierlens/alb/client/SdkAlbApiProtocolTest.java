package io.tierlens.alb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.form;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.AwsWireMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** ELBv2 over the wire: the awsQuery requests the real SDK sends and the XML it parses, through {@link SdkAlbApi}. */
class SdkAlbApiProtocolTest {
    private static final String WEB_ARN =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-shop-web-3f9a1c2b7d/50dc6c495c0c9188";
    private static final String ADMIN_ARN =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/internal-admin/7a6b5c4d3e2f1a0b";
    private static final String NGINX_TG =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-shop-nginx-0a1b2c3d4e/73e2d6bc24d8a067";

    private final AwsWireMock aws = new AwsWireMock(2);
    private final SdkAlbApi api = new SdkAlbApi(aws.client(ElasticLoadBalancingV2Client.builder()));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String resource) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", "6581c0ac-f39f-11e5-bb98-57195a6eb84a")
                .withBody(resource(resource));
    }

    @Test
    void describeLoadBalancersFollowsMarkersAndKeepsApplicationLoadBalancersOnly() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeLoadBalancers"))
                .willReturn(xml("elbv2/describe-load-balancers-page1.xml")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=DescribeLoadBalancers"))
                .withRequestBody(containing("Marker=AAEAAf8vD1tT2Qx6iKmBLeZd6w%3D%3D"))
                .willReturn(xml("elbv2/describe-load-balancers-page2.xml")));

        List<LoadBalancer> lbs = api.describeLoadBalancers();

        assertThat(lbs)
                .containsExactly(
                        new LoadBalancer(
                                WEB_ARN,
                                "k8s-shop-web-3f9a1c2b7d",
                                "k8s-shop-web-3f9a1c2b7d-424835706.eu-west-1.elb.amazonaws.com",
                                "internet-facing",
                                "active",
                                Map.of()),
                        new LoadBalancer(
                                ADMIN_ARN,
                                "internal-admin",
                                "internal-internal-admin-1089364821.eu-west-1.elb.amazonaws.com",
                                "internal",
                                "provisioning",
                                Map.of()));
        List<String> bodies = aws.bodies("DescribeLoadBalancers");
        assertThat(bodies).hasSize(2);
        assertThat(form(bodies.get(0)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Action", "DescribeLoadBalancers", "Version", "2015-12-01", "PageSize", "400"));
        assertThat(form(bodies.get(1)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Action", "DescribeLoadBalancers",
                        "Version", "2015-12-01",
                        "PageSize", "400",
                        "Marker", "AAEAAf8vD1tT2Qx6iKmBLeZd6w=="));
        assertThat(aws.requests()).allSatisfy(r -> {
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            // SigV4 with the static test key, scoped to the ELB service in the target's region.
            assertThat(r.getHeader("Authorization"))
                    .contains("Credential=AKIAIOSFODNN7EXAMPLE/")
                    .contains("/eu-west-1/elasticloadbalancing/aws4_request");
        });
    }

    @Test
    void describeTargetGroupsParsesLoadBalancerArnsPortsAndTypes() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTargetGroups"))
                .willReturn(xml("elbv2/describe-target-groups.xml")));

        List<TargetGroup> tgs = api.describeTargetGroups();

        assertThat(tgs).hasSize(3);
        assertThat(tgs.get(0))
                .isEqualTo(new TargetGroup(
                        NGINX_TG, "k8s-shop-nginx-0a1b2c3d4e", List.of(WEB_ARN), "HTTP", 80, "ip", Map.of()));
        assertThat(tgs.get(1).port()).isEqualTo(8080);
        assertThat(tgs.get(2).loadBalancerArns()).isEmpty();
        assertThat(tgs.get(2).targetType()).isEqualTo("instance");
        assertThat(form(aws.bodies("DescribeTargetGroups").get(0)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Action", "DescribeTargetGroups", "Version", "2015-12-01", "PageSize", "400"));
    }

    @Test
    void describeListenersReadsForwardAndWeightedForwardDefaultActions() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeListeners"))
                .willReturn(xml("elbv2/describe-listeners.xml")));

        List<Listener> listeners = api.describeListeners(WEB_ARN);

        assertThat(listeners).hasSize(2);
        assertThat(listeners.get(0).port()).isEqualTo(80);
        assertThat(listeners.get(0).targetGroupArns()).isEmpty();
        assertThat(listeners.get(1).protocol()).isEqualTo("HTTPS");
        assertThat(listeners.get(1).targetGroupArns())
                .containsExactly(
                        NGINX_TG,
                        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-shop-canary-1b2c3d4e5f/9a8b7c6d5e4f3a2b");
        assertThat(form(aws.bodies("DescribeListeners").get(0)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Action", "DescribeListeners", "Version", "2015-12-01", "LoadBalancerArn", WEB_ARN));
    }

    @Test
    void describeTagsParsesTagsIncludingEmptyValues() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTags"))
                .willReturn(xml("elbv2/describe-tags.xml")));

        Map<String, Map<String, String>> tags = api.describeTags(List.of(WEB_ARN, ADMIN_ARN));

        assertThat(tags.get(WEB_ARN))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ingress.k8s.aws/stack", "shop/web",
                        "ingress.k8s.aws/resource", "LoadBalancer",
                        "elbv2.k8s.aws/cluster", "prod-eks"));
        assertThat(tags.get(ADMIN_ARN)).containsExactly(Map.entry("team", ""));
        assertThat(form(aws.bodies("DescribeTags").get(0)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Action",
                        "DescribeTags",
                        "Version",
                        "2015-12-01",
                        "ResourceArns.member.1",
                        WEB_ARN,
                        "ResourceArns.member.2",
                        ADMIN_ARN));
    }

    @Test
    void describeTagsSendsAtMostTwentyArnsPerRequest() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            arns.add("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg-" + i + "/" + (1000 + i));
        }
        aws.server.stubFor(
                post(urlEqualTo("/"))
                        .withRequestBody(containing("Action=DescribeTags"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "<DescribeTagsResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                                                        + "<DescribeTagsResult><TagDescriptions/></DescribeTagsResult>"
                                                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeTagsResponse>")));

        api.describeTags(arns);

        List<Map<String, String>> requests =
                aws.bodies("DescribeTags").stream().map(AwsWireMock::form).toList();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0))
                .containsEntry("ResourceArns.member.20", arns.get(19))
                .doesNotContainKey("ResourceArns.member.21");
        assertThat(requests.get(1))
                .containsEntry("ResourceArns.member.1", arns.get(20))
                .containsKey("ResourceArns.member.20");
        assertThat(requests.get(2))
                .containsEntry("ResourceArns.member.5", arns.get(44))
                .doesNotContainKey("ResourceArns.member.6");
    }

    @Test
    void describeTargetHealthParsesStatesAndReasons() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(xml("elbv2/describe-target-health.xml")));

        List<TargetHealth> health = api.describeTargetHealth(NGINX_TG);

        assertThat(health)
                .containsExactly(
                        new TargetHealth("10.0.12.7", 8080, "healthy", ""),
                        new TargetHealth("10.0.13.21", 8080, "unhealthy", "Target.ResponseCodeMismatch"),
                        new TargetHealth("10.0.14.3", 8080, "draining", "Target.DeregistrationInProgress"));
        assertThat(form(aws.bodies("DescribeTargetHealth").get(0)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Action", "DescribeTargetHealth", "Version", "2015-12-01", "TargetGroupArn", NGINX_TG));
    }

    @Test
    void accessDeniedIsClassifiedAndNotRetried() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(aResponse().withStatus(403).withBody(resource("elbv2/access-denied.xml"))));

        assertThatThrownBy(() -> api.describeTargetHealth(NGINX_TG))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(aws.bodies("DescribeTargetHealth")).hasSize(1);
        assertThat(aws.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withHeader("Content-Type", containing("x-www-form-urlencoded"))
                        .withRequestBody(equalTo("never"))))
                .isEmpty();
    }
}
