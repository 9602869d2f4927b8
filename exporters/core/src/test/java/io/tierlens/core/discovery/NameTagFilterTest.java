package io.tierlens.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameTagFilterTest {

    @Test
    void anEmptyFilterKeepsEverything() {
        NameTagFilter f = new NameTagFilter(List.of(), Map.of());

        assertThat(f.isEmpty()).isTrue();
        assertThat(f.matches("anything", Map.of())).isTrue();
        assertThat(f.describe()).isEmpty();
    }

    @Test
    void everyTagMustMatchAndStarMeansPresent() {
        NameTagFilter f = new NameTagFilter(List.of(), Map.of("env", "prod", "elbv2.k8s.aws/cluster", "*"));

        assertThat(f.matches("a", Map.of("env", "prod", "elbv2.k8s.aws/cluster", "eks-1")))
                .isTrue();
        assertThat(f.matches("b", Map.of("env", "prod"))).isFalse();
        assertThat(f.matches("c", Map.of("env", "dev", "elbv2.k8s.aws/cluster", "eks-1")))
                .isFalse();
    }

    @Test
    void namesAreGlobsAndAnyMayMatch() {
        NameTagFilter f = new NameTagFilter(List.of("k8s-shop-*", "legacy-portal-0?"), Map.of());

        assertThat(f.matches("k8s-shop-web-3f9a1c2b7d", Map.of())).isTrue();
        assertThat(f.matches("k8s-shop-", Map.of())).isTrue();
        assertThat(f.matches("legacy-portal-07", Map.of())).isTrue();
        assertThat(f.matches("legacy-portal-107", Map.of())).isFalse();
        assertThat(f.matches("k8s-shopping-web", Map.of())).isFalse();
        assertThat(f.matches("other-k8s-shop-web", Map.of())).isFalse();
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        NameTagFilter f = new NameTagFilter(List.of("a.b+c*", "a?c.d"), Map.of());

        assertThat(f.matches("a.b+c-1", Map.of())).isTrue();
        assertThat(f.matches("aXbbc-1", Map.of())).isFalse();
        assertThat(f.matches("abc.d", Map.of())).isTrue();
        assertThat(f.matches("abcxd", Map.of())).isFalse();
    }

    @Test
    void namesAndTagsMustBothMatch() {
        NameTagFilter f = new NameTagFilter(List.of("shop-*"), Map.of("app", "shop"));

        assertThat(f.matches("shop-db", Map.of("app", "shop"))).isTrue();
        assertThat(f.matches("shop-db", Map.of("app", "blog"))).isFalse();
        assertThat(f.matches("blog-db", Map.of("app", "shop"))).isFalse();
        assertThat(f.describe()).isEqualTo("tags={app=shop} names=[shop-*]");
    }
}
