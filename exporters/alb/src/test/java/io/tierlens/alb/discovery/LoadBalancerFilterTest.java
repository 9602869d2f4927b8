package io.tierlens.alb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.model.LoadBalancer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerFilterTest {

    private static LoadBalancer lb(String name, Map<String, String> tags) {
        return new LoadBalancer("arn:x:loadbalancer/app/" + name + "/1", name, "", "internal", "active", tags);
    }

    @Test
    void everyTagMustMatchAndStarMeansPresent() {
        LoadBalancerFilter f = new LoadBalancerFilter(Map.of("env", "prod", "elbv2.k8s.aws/cluster", "*"), List.of());

        assertThat(f.matches(lb("a", Map.of("env", "prod", "elbv2.k8s.aws/cluster", "eks-1"))))
                .isTrue();
        assertThat(f.matches(lb("b", Map.of("env", "prod")))).isFalse();
        assertThat(f.matches(lb("c", Map.of("env", "dev", "elbv2.k8s.aws/cluster", "eks-1"))))
                .isFalse();
    }

    @Test
    void namesAreGlobsAndAnyMayMatch() {
        LoadBalancerFilter f = new LoadBalancerFilter(Map.of(), List.of("k8s-shop-*", "legacy-portal-0?"));

        assertThat(f.matches(lb("k8s-shop-web-3f9a1c2b7d", Map.of()))).isTrue();
        assertThat(f.matches(lb("legacy-portal-07", Map.of()))).isTrue();
        assertThat(f.matches(lb("legacy-portal-107", Map.of()))).isFalse();
        assertThat(f.matches(lb("k8s-shopping-web", Map.of()))).isFalse();
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        LoadBalancerFilter f = new LoadBalancerFilter(Map.of(), List.of("a.b+c*"));

        assertThat(f.matches(lb("a.b+c-1", Map.of()))).isTrue();
        assertThat(f.matches(lb("aXbbc-1", Map.of()))).isFalse();
    }

    @Test
    void emptyFilterAcceptsAll() {
        LoadBalancerFilter f = new LoadBalancerFilter(Map.of(), List.of());

        assertThat(f.isEmpty()).isTrue();
        assertThat(f.matches(lb("anything", Map.of()))).isTrue();
    }
}
