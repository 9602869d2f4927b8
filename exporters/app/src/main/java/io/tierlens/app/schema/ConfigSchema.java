package io.tierlens.app.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.TierlensConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Schema (draft-07) of the tierlens configuration, derived by reflection from the records that
 * {@link io.tierlens.core.config.ConfigBinder} binds, with the same rules: keys are the snake_case form of record
 * components, unknown keys are errors, enums are their lower-case names, durations are strings like {@code 60s}.
 * Deriving it (instead of writing it) means a section another module adds to a record appears here by itself.
 *
 * <p>The schema checks shape, not meaning: range checks and cross-field rules stay with {@code check-config}. It
 * is stricter than the binder in one way: enum values must be written in their documented lower-case spelling
 * (the binder also takes {@code PRIMARY} or {@code indexed-minute}). Every number and boolean also accepts a string
 * holding {@code ${VAR}}, because the app substitutes environment variables before it binds.
 */
public final class ConfigSchema {
    /** The duration syntax of {@link io.tierlens.core.config.Durations}, positive only (a '-' is refused). */
    static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h|d|w))+$";
    /** A value that the app's environment substitution replaces before binding. */
    static final String ENV_PATTERN = "\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Class<? extends ExporterSettings>> exporters;
    private final List<String> order;

    /** @param exporters exporter name → its config record, as given to {@link io.tierlens.core.config.ConfigLoader} */
    public ConfigSchema(Map<String, Class<? extends ExporterSettings>> exporters) {
        this.exporters = Map.copyOf(exporters);
        this.order = List.copyOf(exporters.keySet());
    }

    /** The schema of a whole configuration file. */
    public ObjectNode generate() {
        ObjectNode root = record(TierlensConfig.class, new ArrayList<>());
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "tierlens configuration");
        // The one raw section: core leaves exporters.<name> to each module, whose records are known here.
        ObjectNode section = object();
        section.put("description", "One section per exporter; an absent section means that exporter's defaults.");
        ObjectNode properties = section.putObject("properties");
        for (String name : order) {
            properties.set(name, nullable(record(exporters.get(name), new ArrayList<>())));
        }
        ((ObjectNode) root.get("properties")).set("exporters", nullable(section));
        return reorder(root);
    }

    private static ObjectNode reorder(ObjectNode root) {
        ObjectNode out = JSON.objectNode();
        out.set("$schema", root.get("$schema"));
        out.set("title", root.get("title"));
        root.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private JsonNode schemaOf(Type type, List<Class<?>> path) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                ObjectNode array = JSON.objectNode();
                array.put("type", "array");
                array.set("items", schemaOf(p.getActualTypeArguments()[0], path));
                return array;
            }
            if (raw == Map.class) {
                ObjectNode map = JSON.objectNode();
                map.put("type", "object");
                map.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1], path));
                return map;
            }
            throw new IllegalArgumentException("unsupported config type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == JsonNode.class) {
            return JSON.objectNode();
        }
        if (c.isRecord()) {
            return record(c, path);
        }
        if (c == String.class) {
            return typed("string");
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return orEnv(typed("integer"));
        }
        if (c == Double.class || c == double.class) {
            return orEnv(typed("number"));
        }
        if (c == Boolean.class || c == boolean.class) {
            return orEnv(typed("boolean"));
        }
        if (c == Duration.class) {
            ObjectNode d = typed("string");
            d.put(
                    "pattern",
                    "^(" + DURATION_PATTERN.substring(1, DURATION_PATTERN.length() - 1) + "|.*" + ENV_PATTERN + ".*)$");
            d.put("description", "a duration: a number followed by ms, s, m, h, d or w, e.g. 60s or 1h30m");
            return d;
        }
        if (c.isEnum()) {
            ObjectNode e = typed("string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            }
            return e;
        }
        throw new IllegalArgumentException("unsupported config type " + c);
    }

    private ObjectNode record(Class<?> type, List<Class<?>> path) {
        if (path.contains(type)) {
            throw new IllegalArgumentException("config record " + type.getName() + " contains itself");
        }
        List<Class<?>> inner = new ArrayList<>(path);
        inner.add(type);
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent rc : type.getRecordComponents()) {
            JsonNode child = schemaOf(rc.getGenericType(), inner);
            // An absent or empty key binds to the record's default, so null is as good as leaving it out.
            properties.set(snake(rc.getName()), nullable(child));
        }
        return schema;
    }

    private static ObjectNode object() {
        ObjectNode o = JSON.objectNode();
        o.put("type", "object");
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode typed(String type) {
        ObjectNode o = JSON.objectNode();
        o.put("type", type);
        return o;
    }

    /** A number or boolean may also be written as a string that environment substitution fills in. */
    private static ObjectNode orEnv(ObjectNode schema) {
        ObjectNode env = typed("string");
        env.put("pattern", ENV_PATTERN);
        ObjectNode either = JSON.objectNode();
        either.putArray("anyOf").add(schema).add(env);
        return either;
    }

    /** Also allows null: Helm and YAML write an empty key ({@code alb:}) as null. */
    private static JsonNode nullable(JsonNode schema) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (copy.has("type")) {
            String type = copy.get("type").asText();
            copy.putArray("type").add(type).add("null");
        } else if (copy.has("anyOf")) {
            ((ArrayNode) copy.get("anyOf")).add(typed("null"));
        } else {
            return copy; // the raw schema {} allows anything already
        }
        return copy;
    }

    /** The binder's key for a record component ({@code maxStaleness} → {@code max_staleness}). */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
