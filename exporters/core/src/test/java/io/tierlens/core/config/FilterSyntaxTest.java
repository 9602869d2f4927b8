package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Name globs and Kubernetes label selectors are checked where they are written, not when nothing matches. */
class FilterSyntaxTest {

    private static List<ConfigError> globErrors(String... globs) {
        ConfigProblems p = new ConfigProblems();
        Globs.check(List.of(globs), "exporters.alb.names", p);
        return p.errors();
    }

    private static List<ConfigError> selectorErrors(String selector) {
        ConfigProblems p = new ConfigProblems();
        LabelSelectors.check(selector, "exporters.batch.label_selector", p);
        return p.errors();
    }

    @Test
    void globsOfStarsQuestionMarksAndNameCharactersPass() {
        assertThat(globErrors("web-*", "k8s-default-shop-????", "*", "db.prod_1"))
                .isEmpty();
    }

    @Test
    void regexOrBraceSyntaxInAGlobIsAnErrorAtItsIndex() {
        assertThat(globErrors("web-*", "^web-.+$")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("exporters.alb.names[1]");
            assertThat(e.message()).contains("^web-.+$");
            assertThat(e.fix()).contains("*").contains("?");
        });
        assertThat(globErrors("web-{a,b}"))
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("exporters.alb.names[0]"));
        assertThat(globErrors("web-[0-9]")).hasSize(1);
        assertThat(globErrors(""))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("empty"));
    }

    @Test
    void validLabelSelectorsPass() {
        for (String s : List.of(
                "",
                "tier=batch",
                "tier==batch,team!=ops",
                "app.kubernetes.io/part-of=shop",
                "tier in (batch, cron),!legacy",
                "env notin (dev),owner",
                "empty=")) {
            assertThat(selectorErrors(s)).as(s).isEmpty();
        }
    }

    @Test
    void invalidLabelSelectorsAreErrorsAtTheirPath() {
        for (String s : List.of(
                "tier=batch team=ops",
                "tier=",
                "tier in batch",
                "tier in (batch",
                "=batch",
                "tier=bat ch",
                "tier=batch,",
                "Tier/x/y=1",
                "tier~=batch")) {
            if (s.equals("tier=")) {
                continue; // an empty value is valid Kubernetes syntax (see above)
            }
            assertThat(selectorErrors(s)).as(s).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("exporters.batch.label_selector");
                assertThat(e.message()).contains("label selector");
            });
        }
    }
}
