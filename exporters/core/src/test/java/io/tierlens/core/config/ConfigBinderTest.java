package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final ConfigProblems problems = new ConfigProblems();
    private final ConfigBinder binder = new ConfigBinder(problems);

    record Inner(Integer size, Duration every) implements ConfigChecked {
        Inner {
            size = size == null ? 1 : size;
            every = every == null ? Duration.ofSeconds(30) : every;
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (size > 100) {
                problems.add(ConfigProblems.join(path, "size"), "too big", "use at most 100");
            }
        }
    }

    record Outer(
            String name,
            Boolean on,
            Long big,
            Double ratio,
            Inner inner,
            List<Inner> items,
            Map<String, Integer> counts,
            Map<String, JsonNode> raw,
            int primitive)
            implements ConfigChecked {

        @Override
        public void check(String path, ConfigProblems problems) {
            if ("forbidden".equals(name)) {
                problems.add(ConfigProblems.join(path, "name"), "is forbidden", "pick another name");
            }
        }
    }

    record Strict(String value) {
        Strict {
            if ("bad".equals(value)) {
                throw new IllegalArgumentException("value may not be bad");
            }
        }
    }

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    @Test
    void bindsEverySupportedType() throws Exception {
        Outer o = binder.bind(yaml("""
                        name: n
                        on: true
                        big: 12345678901
                        ratio: 0.25
                        inner: {size: 7, every: 2m}
                        items: [{size: 2}, {}]
                        counts: {a: 1, b: 2}
                        raw: {alb: {anything: [1, 2]}}
                        primitive: 3
                        """), Outer.class, "");

        assertThat(problems.errors()).isEmpty();
        assertThat(o.name()).isEqualTo("n");
        assertThat(o.on()).isTrue();
        assertThat(o.big()).isEqualTo(12_345_678_901L);
        assertThat(o.ratio()).isEqualTo(0.25);
        assertThat(o.inner()).isEqualTo(new Inner(7, Duration.ofMinutes(2)));
        assertThat(o.items()).containsExactly(new Inner(2, null), new Inner(null, null));
        assertThat(o.counts()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(o.raw().get("alb").path("anything").size()).isEqualTo(2);
        assertThat(o.primitive()).isEqualTo(3);
    }

    @Test
    void absentSectionBindsToItsDefaults() throws Exception {
        Outer o = binder.bind(yaml("name: n\n"), Outer.class, "");

        assertThat(problems.errors()).isEmpty();
        assertThat(o.inner()).isEqualTo(new Inner(1, Duration.ofSeconds(30)));
        assertThat(o.on()).isNull();
        assertThat(o.primitive()).isZero();
    }

    @Test
    void nullNodeBindsToDefaults() {
        Inner inner = binder.bind(null, Inner.class, "x");

        assertThat(inner).isEqualTo(new Inner(1, Duration.ofSeconds(30)));
    }

    @Test
    void booleanMustBeTrueOrFalse() throws Exception {
        binder.bind(yaml("on: maybe\n"), Outer.class, "");

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("on");
            assertThat(e.message()).isEqualTo("expected true or false, got \"maybe\"");
        });
    }

    @Test
    void booleanIsNotANumber() throws Exception {
        binder.bind(yaml("ratio: true\n"), Outer.class, "");

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("ratio");
            assertThat(e.message()).isEqualTo("expected a number like 0.5, got \"true\"");
        });
    }

    @Test
    void numberOutOfRangeIsAnError() throws Exception {
        binder.bind(yaml("inner: {size: 99999999999}\n"), Outer.class, "");

        assertThat(problems.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("inner.size"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() throws Exception {
        record WithEnum(ExampleSettings.Mode mode) {}

        binder.bind(yaml("mode: turbo\n"), WithEnum.class, "x");

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("x.mode");
            assertThat(e.message()).isEqualTo("unknown value \"turbo\"");
            assertThat(e.fix()).isEqualTo("use one of: fast, slow_and_steady");
        });
    }

    @Test
    void errorsInsideListsAndMapsNameTheElement() throws Exception {
        binder.bind(yaml("items: [{size: 1}, {size: x}]\ncounts: {a: 1, b: two}\n"), Outer.class, "top");

        assertThat(problems.errors())
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder("top.items[1].size", "top.counts.b");
    }

    @Test
    void scalarWhereAListBelongsIsAnError() throws Exception {
        binder.bind(yaml("items: one\n"), Outer.class, "");

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("items");
            assertThat(e.message()).isEqualTo("expected a list");
        });
    }

    @Test
    void emptyMapValueIsAnErrorButAnEmptyRawSectionIsNot() throws Exception {
        Outer o = binder.bind(yaml("counts: {a: 1, b: }\nraw: {alb: }\n"), Outer.class, "");

        assertThat(o).isNull();
        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("counts.b");
            assertThat(e.message()).isEqualTo("has no value");
        });
    }

    @Test
    void exceptionFromACompactConstructorBecomesAnErrorAtThePath() throws Exception {
        Strict s = binder.bind(yaml("value: bad\n"), Strict.class, "a.b");

        assertThat(s).isNull();
        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("a.b");
            assertThat(e.message()).isEqualTo("value may not be bad");
        });
    }

    @Test
    void checksRunWithTheRecordsPath() throws Exception {
        binder.bind(yaml("inner: {size: 101}\nitems: [{size: 102}]\n"), Outer.class, "root");

        assertThat(problems.errors())
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder("root.inner.size", "root.items[0].size");
    }

    @Test
    void checksOfARecordStillRunWhenOneOfItsPartsFailed() throws Exception {
        binder.bind(yaml("name: forbidden\ninner: {every: soon}\n"), Outer.class, "");

        assertThat(problems.errors()).extracting(ConfigError::path).containsExactlyInAnyOrder("inner.every", "name");
    }

    record Range(Integer min, Integer max) implements ConfigChecked {
        Range {
            min = min == null ? 0 : min;
            max = max == null ? 10 : max;
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (min > max) {
                problems.add(ConfigProblems.join(path, "min"), "is above max", "swap them");
            }
        }
    }

    @Test
    void checksDoNotAddASecondErrorAtAPathThatFailedToBind() throws Exception {
        // 'min' does not bind, so the check sees its default (0 > -1) and would blame 'min' a second time.
        Range r = binder.bind(yaml("min: abc\nmax: -1\n"), Range.class, "range");

        assertThat(r).isNull();
        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("range.min");
            assertThat(e.message()).startsWith("expected a whole number");
        });
    }

    @Test
    void snakeCaseKeys() {
        assertThat(ConfigBinder.snake("maxStaleness")).isEqualTo("max_staleness");
        assertThat(ConfigBinder.snake("operationRequestsPerSecond")).isEqualTo("operation_requests_per_second");
        assertThat(ConfigBinder.snake("port")).isEqualTo("port");
    }

    @Test
    void secretLookingKeysAreNotEchoed() {
        assertThat(ConfigBinder.quote("accounts[0].external_id", "abc")).isEqualTo("(value hidden)");
        assertThat(ConfigBinder.quote("exporters.session.password", "abc")).isEqualTo("(value hidden)");
        assertThat(ConfigBinder.quote("exporters.session.auth_token", "abc")).isEqualTo("(value hidden)");
        assertThat(ConfigBinder.quote("server.port", "abc")).isEqualTo("\"abc\"");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        assertThat(ConfigBinder.quote("server.host", "x".repeat(100)))
                .hasSize(62)
                .endsWith("...\"");
    }

    @Test
    void editDistance() {
        assertThat(ConfigBinder.editDistance("port", "prot")).isEqualTo(2);
        assertThat(ConfigBinder.editDistance("eu-west-1", "eu-west-9")).isEqualTo(1);
        assertThat(ConfigBinder.editDistance("", "abc")).isEqualTo(3);
        assertThat(ConfigBinder.editDistance("same", "same")).isZero();
    }
}
