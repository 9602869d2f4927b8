package io.tierlens.session.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The {@code field:value} lines of a Redis {@code INFO} reply. */
public record RedisInfo(Map<String, String> fields) {

    public RedisInfo {
        fields = Map.copyOf(fields);
    }

    public static RedisInfo parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return new RedisInfo(out);
    }

    public Optional<String> text(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    public OptionalLong number(String field) {
        String v = fields.get(field);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public OptionalDouble decimal(String field) {
        String v = fields.get(field);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** {@code run_id} changes when the server restarts, which invalidates SCAN cursors. */
    public Optional<String> runId() {
        return text("run_id");
    }
}
