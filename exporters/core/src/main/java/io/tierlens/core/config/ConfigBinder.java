package io.tierlens.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree onto config records, collecting every error with its path instead of stopping at the
 * first (Jackson's binding stops at the first and names Java types, not YAML keys).
 *
 * <p>Keys are the snake_case form of record components ({@code maxStaleness} → {@code max_staleness}).
 * Supported types: String, Integer, Long, Double, Boolean, {@link Duration}, enums (lower-case names), records,
 * {@code List<T>}, {@code Map<String, T>} and {@link JsonNode} (raw, bound later by an exporter module). A
 * missing key binds to {@code null}; records give their defaults in their compact constructor. Records that
 * implement {@link ConfigChecked} are checked after construction.
 */
public final class ConfigBinder {
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "external_id", "key");

    private final ConfigProblems problems;

    public ConfigBinder(ConfigProblems problems) {
        this.problems = problems;
    }

    /** Binds {@code node} (may be null or missing) to {@code type}; returns null when it could not be bound. */
    @SuppressWarnings("unchecked")
    public <T> T bind(JsonNode node, Class<T> type, String path) {
        return (T) bindValue(node, type, path);
    }

    private Object bindValue(JsonNode node, Type type, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            if (type instanceof Class<?> c && c.isRecord()) {
                // An absent section means "all defaults": build the record from an empty object.
                return bindRecord(null, c, path);
            }
            return null;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                return bindList(node, p.getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                return bindMap(node, p.getActualTypeArguments()[1], path);
            }
            throw new IllegalArgumentException("unsupported config type " + type + " at " + path);
        }
        Class<?> c = (Class<?>) type;
        if (c == JsonNode.class) {
            return node;
        }
        if (c.isRecord()) {
            return bindRecord(node, c, path);
        }
        if (!node.isValueNode()) {
            problems.add(
                    path,
                    "expected " + describe(c) + " but found a " + (node.isArray() ? "list" : "section"),
                    "write a single value");
            return null;
        }
        String text = node.asText();
        if (c == String.class) {
            return text;
        }
        if (c == Integer.class || c == int.class) {
            return parseNumber(node, text, path, Integer::valueOf, "a whole number like 9469");
        }
        if (c == Long.class || c == long.class) {
            return parseNumber(node, text, path, Long::valueOf, "a whole number");
        }
        if (c == Double.class || c == double.class) {
            return parseNumber(node, text, path, Double::valueOf, "a number like 0.5");
        }
        if (c == Boolean.class || c == boolean.class) {
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            problems.add(path, "expected true or false, got " + quote(path, text), "write true or false");
            return null;
        }
        if (c == Duration.class) {
            return parseDuration(text, path);
        }
        if (c.isEnum()) {
            return parseEnum(c, text, path);
        }
        throw new IllegalArgumentException("unsupported config type " + c + " at " + path);
    }

    private Object bindRecord(JsonNode node, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent rc : components) {
            byKey.put(snake(rc.getName()), rc);
        }
        if (node != null && !node.isObject()) {
            problems.add(
                    path.isEmpty() ? "(top level)" : path,
                    "expected a section of keys (" + String.join(", ", byKey.keySet()) + ")",
                    "indent the keys under this name");
            return null;
        }
        if (node != null) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!byKey.containsKey(key)) {
                    problems.add(ConfigProblems.join(path, key), "unknown key", suggestion(key, byKey.keySet()));
                }
            }
        }
        List<String> failedPaths = new ArrayList<>();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            String key = snake(rc.getName());
            JsonNode child = node == null ? null : node.get(key);
            int before = problems.errors().size();
            Object v = bindValue(child, rc.getGenericType(), ConfigProblems.join(path, key));
            if (problems.errors().size() > before) {
                failedPaths.add(ConfigProblems.join(path, key));
            }
            args[i] = v == null && rc.getType().isPrimitive() ? primitiveDefault(rc.getType()) : v;
        }
        if (!failedPaths.isEmpty()) {
            checkDespiteFailedParts(type, types, args, path, failedPaths);
            return null;
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            Object record = ctor.newInstance(args);
            if (record instanceof ConfigChecked checked) {
                checked.check(path, problems);
            }
            return record;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(
                    path.isEmpty() ? "(top level)" : path,
                    String.valueOf(cause.getMessage()),
                    "see the configuration reference in docs/configuration.md");
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("config record " + type.getName() + " cannot be built", e);
        }
    }

    /**
     * Runs the checks of a record some of whose parts did not bind, so that the user sees every error of the
     * file at once (an unknown region is still reported next to a mistyped port). The failed parts are built
     * from their defaults, so errors the check reports at (or under) their paths would only repeat or
     * contradict the binding error and are left out; so is anything the half-built record throws.
     */
    private void checkDespiteFailedParts(
            Class<?> type, Class<?>[] types, Object[] args, String path, List<String> failedPaths) {
        if (!ConfigChecked.class.isAssignableFrom(type)) {
            return;
        }
        ConfigProblems found = new ConfigProblems();
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            ((ConfigChecked) ctor.newInstance(args)).check(path, found);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A consequence of the parts that failed, which are reported already.
            return;
        }
        for (ConfigError e : found.errors()) {
            boolean repeats = failedPaths.stream()
                    .anyMatch(f -> e.path().equals(f)
                            || e.path().startsWith(f + ".")
                            || e.path().startsWith(f + "["));
            if (!repeats) {
                problems.add(e.path(), e.message(), e.fix());
            }
        }
    }

    private List<Object> bindList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            problems.add(path, "expected a list", "write a YAML list, e.g. [a, b] or one '- item' per line");
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            int before = problems.errors().size();
            Object v = bindValue(node.get(i), element, itemPath);
            if (v == null && problems.errors().size() == before) {
                // A lone '-' would otherwise drop the whole list silently (regions: [] watches nothing).
                problems.add(itemPath, "empty list item", "remove the '-' that has no value, or give it one");
            }
            out.add(v);
        }
        return out.contains(null) ? null : List.copyOf(out);
    }

    private Map<String, Object> bindMap(JsonNode node, Type value, String path) {
        if (!node.isObject()) {
            problems.add(path, "expected a section of key: value pairs", "write one 'key: value' per line");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean failed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String entryPath = ConfigProblems.join(path, e.getKey());
            int before = problems.errors().size();
            Object v = bindValue(e.getValue(), value, entryPath);
            if (v == null && problems.errors().size() == before && value != JsonNode.class) {
                // Only raw sections may be empty ('alb:' means "all defaults"); elsewhere a value is missing.
                problems.add(entryPath, "has no value", "give it a value, or remove the key");
            }
            failed |= problems.errors().size() > before;
            out.put(e.getKey(), v);
        }
        return failed ? null : out;
    }

    private Object parseNumber(
            JsonNode node,
            String text,
            String path,
            java.util.function.Function<String, Object> parse,
            String expected) {
        try {
            if (node.isBoolean()) {
                throw new NumberFormatException();
            }
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            problems.add(path, "expected " + expected + ", got " + quote(path, text), "write " + expected);
            return null;
        }
    }

    private Duration parseDuration(String text, String path) {
        String t = text.trim();
        if (t.startsWith("-")) {
            problems.add(path, "negative duration " + quote(path, t), "durations must be positive, e.g. 60s");
            return null;
        }
        return Durations.parse(t).orElseGet(() -> {
            problems.add(
                    path,
                    "expected a duration like 60s, 5m or 1h, got " + quote(path, t),
                    "write a number followed by ms, s, m, h or d");
            return null;
        });
    }

    private Object parseEnum(Class<?> type, String text, String path) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        problems.add(path, "unknown value " + quote(path, text), "use one of: " + allowed);
        return null;
    }

    /** Echoes a bad value back unless the key looks like it holds a secret. */
    static String quote(String path, String value) {
        String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (last.contains(word)) {
                return "(value hidden)";
            }
        }
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return "\"" + v + "\"";
    }

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

    static String suggestion(String key, Set<String> known) {
        String best = known.stream()
                .min(Comparator.comparingInt(k -> editDistance(k, key)))
                .orElse(null);
        String list = "known keys here: " + String.join(", ", known);
        if (best != null && editDistance(best, key) <= Math.max(2, key.length() / 3)) {
            return "did you mean '" + best + "'? " + list;
        }
        return "remove it; " + list;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Object primitiveDefault(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == long.class) {
            return 0L;
        }
        return 0;
    }

    private static String describe(Class<?> c) {
        if (c == Duration.class) {
            return "a duration like 60s";
        }
        if (c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class) {
            return "a text value";
        }
        if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
            return "a whole number";
        }
        if (c == Double.class || c == double.class) {
            return "a number";
        }
        return "a " + c.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
