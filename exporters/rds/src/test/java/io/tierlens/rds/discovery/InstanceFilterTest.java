package io.tierlens.rds.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceFilterTest {

    @Test
    void anEmptyFilterKeepsEverything() {
        InstanceFilter f = new InstanceFilter(List.of(), Map.of());
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.matches("anything", Map.of())).isTrue();
    }

    @Test
    void namesAreGlobsWithLiteralDots() {
        InstanceFilter f = new InstanceFilter(List.of("shop-db-*", "a?c.d"), Map.of());
        assertThat(f.matches("shop-db-1", Map.of())).isTrue();
        assertThat(f.matches("shop-db-", Map.of())).isTrue();
        assertThat(f.matches("other-shop-db-1", Map.of())).isFalse();
        assertThat(f.matches("abc.d", Map.of())).isTrue();
        assertThat(f.matches("abcxd", Map.of())).isFalse();
    }

    @Test
    void everyTagMustMatchAndStarMeansPresent() {
        InstanceFilter f = new InstanceFilter(List.of(), Map.of("app", "shop", "owner", "*"));
        assertThat(f.matches("db", Map.of("app", "shop", "owner", "sre"))).isTrue();
        assertThat(f.matches("db", Map.of("app", "shop"))).isFalse();
        assertThat(f.matches("db", Map.of("app", "blog", "owner", "sre"))).isFalse();
    }
}
