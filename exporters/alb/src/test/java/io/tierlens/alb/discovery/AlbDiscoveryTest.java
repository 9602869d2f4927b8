package io.tierlens.alb.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlbDiscoveryTest {
    private final FakeAlbApi api = new FakeAlbApi();
    private final MutableClock clock = new MutableClock(TestEnvironment.START);
    private final List<String> warnings = new ArrayList<>();

    private AlbDiscovery discovery(Map<String, String> tags, List<String> names) {
        AlbConfig config = new AlbConfig(null, null, null, null, tags, names, null, null, null);
        return new AlbDiscovery(config, TestEnvironment.TARGET, api, clock, warnings::add);
    }

    private static Map<String, String> controller(String stack) {
        return Map.of(
                "ingress.k8s.aws/stack", stack,
                "ingress.k8s.aws/resource", "LoadBalancer",
                "elbv2.k8s.aws/cluster", "prod");
    }

    @Test
    void findsLoadBalancersTargetGroupsListenersAndKubernetesNames() {
        LoadBalancer web = api.addLoadBalancer("k8s-shop-web-3f9a1c2b7d", controller("shop/web"));
        TargetGroup nginx = api.addTargetGroup(
                "k8s-shop-nginx-0a1b2c3d4e",
                Map.of("ingress.k8s.aws/stack", "shop/web", "ingress.k8s.aws/resource", "shop/web-nginx:80"),
                web);
        TargetGroup was = api.addTargetGroup(
                "k8s-shop-was-5f6e7d8c9b",
                Map.of("ingress.k8s.aws/stack", "shop/web", "ingress.k8s.aws/resource", "shop/web-was:8080"),
                web);
        api.addTargetGroup("unattached", Map.of());
        api.addListener(web, 443, nginx);

        AlbInventory inv = discovery(Map.of(), List.of()).discover();

        assertThat(inv.loadBalancers()).extracting(LoadBalancer::name).containsExactly(web.name());
        assertThat(inv.loadBalancers().get(0).tags()).containsEntry("ingress.k8s.aws/stack", "shop/web");
        assertThat(inv.targetGroups()).extracting(TargetGroup::name).containsExactly(nginx.name(), was.name());
        assertThat(inv.listeners()).hasSize(1);
        assertThat(inv.ingressOf(inv.loadBalancers().get(0))).isEqualTo("shop/web");
        assertThat(inv.serviceOf(inv.targetGroups().get(0))).isEqualTo(new ServiceRef("shop", "nginx", "80"));
        assertThat(inv.serviceOf(inv.targetGroups().get(1))).isEqualTo(new ServiceRef("shop", "was", "8080"));
        assertThat(inv.discoveredAt()).isEqualTo(TestEnvironment.START);
        assertThat(warnings).isEmpty();
    }

    @Test
    void listenerDefaultActionsAddRoutesTheTargetGroupDoesNotList() {
        LoadBalancer web = api.addLoadBalancer("web", Map.of());
        TargetGroup onlyViaListener = api.addTargetGroup("blue", Map.of());
        api.addListener(web, 80, onlyViaListener);

        AlbInventory inv = discovery(Map.of(), List.of()).discover();

        assertThat(inv.targetGroups())
                .singleElement()
                .satisfies(tg -> assertThat(tg.loadBalancerArns()).containsExactly(web.arn()));
        assertThat(inv.routes()).hasSize(1);
    }

    @Test
    void tagFilterKeepsOnlyMatchingLoadBalancersAndTheirTargetGroups() {
        LoadBalancer prod = api.addLoadBalancer("prod", Map.of("env", "prod", "elbv2.k8s.aws/cluster", "eks"));
        LoadBalancer dev = api.addLoadBalancer("dev", Map.of("env", "dev", "elbv2.k8s.aws/cluster", "eks"));
        TargetGroup prodTg = api.addTargetGroup("prod-tg", Map.of(), prod);
        TargetGroup devTg = api.addTargetGroup("dev-tg", Map.of(), dev);
        TargetGroup shared = api.addTargetGroup("shared-tg", Map.of(), prod, dev);

        AlbInventory inv = discovery(Map.of("env", "prod", "elbv2.k8s.aws/cluster", "*"), List.of())
                .discover();

        assertThat(inv.loadBalancers()).extracting(LoadBalancer::name).containsExactly("prod");
        assertThat(inv.targetGroups()).extracting(TargetGroup::name).containsExactly("prod-tg", "shared-tg");
        assertThat(inv.targetGroups().get(1).loadBalancerArns()).containsExactly(prod.arn());
        assertThat(inv.targetGroups()).extracting(TargetGroup::arn).doesNotContain(devTg.arn());
        assertThat(prodTg.arn()).isNotEqualTo(shared.arn());
        // Listeners are asked for the kept load balancer only.
        assertThat(api.calls("DescribeListeners")).isEqualTo(1);
    }

    @Test
    void nameGlobsFilter() {
        api.addLoadBalancer("k8s-shop-web-3f9a1c2b7d", Map.of());
        api.addLoadBalancer("k8s-blog-web-1234567890", Map.of());
        api.addLoadBalancer("legacy-portal-07", Map.of());

        AlbInventory inv =
                discovery(Map.of(), List.of("k8s-shop-*", "legacy-*")).discover();

        assertThat(inv.loadBalancers())
                .extracting(LoadBalancer::name)
                .containsExactly("k8s-shop-web-3f9a1c2b7d", "legacy-portal-07");
    }

    @Test
    void aFilterThatMatchesNothingWarnsOnceWithTheFilterAndTheCountAndIsNotAnError() {
        api.addLoadBalancer("a", Map.of("env", "dev"));
        api.addLoadBalancer("b", Map.of());
        AlbDiscovery d = discovery(Map.of("env", "prod"), List.of());

        AlbInventory first = d.discover();
        d.discover();
        d.discover();

        assertThat(first.loadBalancers()).isEmpty();
        assertThat(first.targetGroups()).isEmpty();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .contains("tags={env=prod}")
                        .contains("none of the 2 application load balancers")
                        .contains("account=123456789012 region=eu-west-1"));
        // Nothing kept: no point asking for target groups or listeners.
        assertThat(api.calls("DescribeTargetGroups")).isZero();
        assertThat(api.calls("DescribeListeners")).isZero();
    }

    @Test
    void theWarningComesBackAfterTheFilterMatchedAgainAndThenStoppedMatching() {
        api.addLoadBalancer("a", Map.of());
        AlbDiscovery d = discovery(Map.of(), List.of("b*"));
        d.discover();
        LoadBalancer b = api.addLoadBalancer("b1", Map.of());
        d.discover();
        assertThat(warnings).hasSize(1).allSatisfy(w -> assertThat(w).contains("names=[b*]"));

        api.removeLoadBalancer(b);
        d.discover();
        d.discover();

        assertThat(warnings).hasSize(2);
    }

    @Test
    void noFilterAndNoLoadBalancersIsQuiet() {
        AlbInventory inv = discovery(Map.of(), List.of()).discover();

        assertThat(inv.loadBalancers()).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(api.calls("DescribeTags")).isZero();
    }

    @Test
    void sdkErrorsPropagateToTheCaller() {
        api.addLoadBalancer("a", Map.of());
        api.fail("DescribeTags", () -> FakeAlbApi.accessDenied("DescribeTags"));

        assertThatThrownBy(() -> discovery(Map.of(), List.of()).discover()).hasMessageContaining("DescribeTags");
    }
}
