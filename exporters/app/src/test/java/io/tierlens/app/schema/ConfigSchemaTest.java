package io.tierlens.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.Durations;
import io.tierlens.core.config.ExporterSettings;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema follows the records the binder binds, key for key, so a section added to a record shows up by itself. */
class ConfigSchemaTest {
    private final Map<String, Class<? extends ExporterSettings>> types = Modules.configTypes(Modules.all());
    private final ObjectNode schema = new ConfigSchema(types).generate();

    @Test
    void everyExporterIsAFixedKeyWithEveryComponentOfItsRecord() {
        JsonNode exporters = schema.at("/properties/exporters");
        assertThat(exporters.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(exporters.path("properties").fieldNames()).toIterable().containsExactlyElementsOf(types.keySet());
        types.forEach((name, type) -> {
            JsonNode section = exporters.path("properties").path(name);
            assertThat((Iterable<JsonNode>) section.path("type"))
                    .extracting(JsonNode::asText)
                    .containsExactly("object", "null");
            assertThat(section.path("additionalProperties").asBoolean(true)).isFalse();
            for (RecordComponent rc : type.getRecordComponents()) {
                assertThat(section.path("properties").has(ConfigSchema.snake(rc.getName())))
                        .as("exporters.%s.%s", name, ConfigSchema.snake(rc.getName()))
                        .isTrue();
            }
            assertThat(section.path("properties").size()).isEqualTo(type.getRecordComponents().length);
        });
    }

    @Test
    void coreSectionsAreClosedAndEnumsAreListed() {
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/server/additionalProperties").asBoolean(true))
                .isFalse();
        assertThat(schema.at("/properties/server/properties/read_timeout/pattern")
                        .asText())
                .isNotEmpty();
        assertThat(schema.at("/properties/accounts/items/properties").has("role_arn"))
                .isTrue();
        assertThat(schema.at("/properties/exporters/properties/session/properties/layout/enum"))
                .extracting(JsonNode::asText)
                .contains("auto", "plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60s", "500ms", "1h30m", "2d", "1w", "${REFRESH}", "${REFRESH:-60s}"})
    void durationsTheAppReadsMatch(String text) {
        assertThat(durationPattern().matcher(text).matches()).isTrue();
        if (!text.startsWith("$")) {
            assertThat(Durations.parse(text)).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "-60s", "60 s", "1.5h", "soon", ""})
    void durationsTheAppRefusesDoNot(String text) {
        assertThat(durationPattern().matcher(text).matches()).isFalse();
    }

    private Pattern durationPattern() {
        return Pattern.compile(
                schema.at("/properties/cloudwatch/properties/period/pattern").asText());
    }
}
