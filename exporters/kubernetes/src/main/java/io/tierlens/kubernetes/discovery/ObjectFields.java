package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Safe reading of untyped Kubernetes objects (NodePools and NodeClaims arrive as generic maps, so a field
 * Karpenter renames or drops in some version reads as absent instead of throwing).
 */
final class ObjectFields {
    private ObjectFields() {}

    /** The value at {@code path} under {@code root}, or null when any step is missing or not a map. */
    static Object at(Map<String, Object> root, String... path) {
        Object cur = root;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(key);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /**
     * A Kubernetes quantity ({@code "500m"}, {@code "16Gi"}, {@code 4}) as a plain number, or empty when it is
     * absent or not a quantity.
     */
    static OptionalDouble quantity(Object o) {
        if (o == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(
                    Quantity.parse(String.valueOf(o)).getNumericalAmount().doubleValue());
        } catch (IllegalArgumentException | ArithmeticException e) {
            // An unparsable quantity (hand-edited object) makes only this value unknown.
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble quantity(Quantity q) {
        return q == null ? OptionalDouble.empty() : quantity(q.toString());
    }

    /** The {@code status} of the condition of {@code type}: true, false, or empty when absent or Unknown. */
    static Optional<Boolean> condition(Object conditions, String type) {
        return conditionEntry(conditions, type).flatMap(c -> switch (text(c.get("status"))) {
            case "True" -> Optional.of(true);
            case "False" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    static Optional<Map<String, Object>> conditionEntry(Object conditions, String type) {
        for (Object c : list(conditions)) {
            Map<String, Object> m = map(c);
            if (type.equals(m.get("type"))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static String label(ObjectMeta meta, String... keys) {
        Map<String, String> labels = meta.getLabels();
        if (labels == null) {
            return "";
        }
        for (String k : keys) {
            String v = labels.get(k);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    static Optional<Instant> time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(rfc3339));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Creation time; objects without one (never from a real API server) count as created at {@code fallback}. */
    static Instant created(ObjectMeta meta, Instant fallback) {
        return time(meta.getCreationTimestamp()).orElse(fallback);
    }
}
