package io.tierlens.alb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tag formats as the AWS Load Balancer Controller writes them: stack {@code namespace/ingress} (or the
 * IngressGroup name), target group resource {@code namespace/<ingress>-<service>:<port>}, service resource
 * {@code namespace/<service>:<port>}, target group names {@code k8s-<ns 8>-<svc 8>-<hash 10>}.
 */
class ControllerTagsTest {

    private static TargetGroup tg(String name, Map<String, String> tags) {
        return new TargetGroup(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/" + name + "/0123456789abcdef",
                name,
                List.of(),
                "HTTP",
                8080,
                "ip",
                tags);
    }

    @Test
    void ingressComesFromTheStackTag() {
        assertThat(ControllerTags.ingress(Map.of(
                        "ingress.k8s.aws/stack", "shop/web",
                        "ingress.k8s.aws/resource", "LoadBalancer",
                        "elbv2.k8s.aws/cluster", "prod")))
                .isEqualTo("shop/web");
        assertThat(ControllerTags.ingress(Map.of("ingress.k8s.aws/stack", "shared-public")))
                .isEqualTo("shared-public");
    }

    @Test
    void clusterTagAloneNamesNoIngressAndUntaggedIsEmpty() {
        assertThat(ControllerTags.ingress(Map.of("elbv2.k8s.aws/cluster", "prod")))
                .isEmpty();
        assertThat(ControllerTags.ingress(Map.of("team", "portal"))).isEmpty();
    }

    @Test
    void legacyV1ControllerTagsAreAFallback() {
        assertThat(ControllerTags.ingress(
                        Map.of("kubernetes.io/namespace", "echoserver", "kubernetes.io/ingress-name", "echo")))
                .isEqualTo("echoserver/echo");
    }

    @Test
    void singleIngressTargetGroupSplitsIngressAndServiceByTheStack() {
        TargetGroup t = tg(
                "k8s-shop-wasapi-0a1b2c3d4e",
                Map.of(
                        "ingress.k8s.aws/stack", "shop/web-front",
                        "ingress.k8s.aws/resource", "shop/web-front-was-api:8080",
                        "elbv2.k8s.aws/cluster", "prod"));

        assertThat(ControllerTags.service(t)).isEqualTo(new ServiceRef("shop", "was-api", "8080"));
    }

    @Test
    void ingressGroupTargetGroupUsesTheNameToFindTheService() {
        // In a group the stack is the group name; the ingress "web-front" is not known from the tags.
        TargetGroup t = tg(
                "k8s-shop-wasapi-0a1b2c3d4e",
                Map.of(
                        "ingress.k8s.aws/stack", "public",
                        "ingress.k8s.aws/resource", "shop/web-front-was-api:http"));

        assertThat(ControllerTags.service(t)).isEqualTo(new ServiceRef("shop", "was-api", "http"));
    }

    @Test
    void longServiceNamesAreMatchedOnTheirFirstEightCharacters() {
        TargetGroup t = tg(
                "k8s-payments-checkout-9f8e7d6c5b",
                Map.of("ingress.k8s.aws/resource", "payments/edge-gw-checkout-service:443"));

        assertThat(ControllerTags.service(t)).isEqualTo(new ServiceRef("payments", "checkout-service", "443"));
    }

    @Test
    void serviceControllerTargetGroupsNameTheServiceDirectly() {
        TargetGroup t = tg(
                "k8s-shop-nginx-1a2b3c4d5e",
                Map.of("service.k8s.aws/stack", "shop/nginx", "service.k8s.aws/resource", "shop/nginx:80"));

        assertThat(ControllerTags.service(t)).isEqualTo(new ServiceRef("shop", "nginx", "80"));
    }

    @Test
    void targetGroupsNotMadeByTheControllerHaveNoService() {
        assertThat(ControllerTags.service(tg("legacy-web", Map.of("team", "portal"))))
                .isEqualTo(ServiceRef.NONE);
        assertThat(ControllerTags.service(tg("odd", Map.of("ingress.k8s.aws/resource", "no-port-here"))))
                .isEqualTo(ServiceRef.NONE);
    }

    @Test
    void unknownNamingFallsBackToAnIngressNameWithoutDashes() {
        TargetGroup t = tg("custom-name", Map.of("ingress.k8s.aws/resource", "shop/web-was-api:8080"));

        assertThat(ControllerTags.service(t)).isEqualTo(new ServiceRef("shop", "was-api", "8080"));
    }
}
