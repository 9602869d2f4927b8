package io.tierlens.contract.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Prometheus rule file as the contract tests read it: its groups' alerting and recording rules. */
public record RuleFile(Path path, List<Rule> rules) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One rule; exactly one of alert and record is set. */
    public record Rule(
            String group,
            Optional<String> alert,
            Optional<String> record,
            String expr,
            Optional<String> forDuration,
            Map<String, String> labels,
            Map<String, String> annotations) {}

    public static RuleFile read(Path path) {
        try {
            JsonNode root = YAML.readTree(path.toFile());
            List<Rule> rules = new ArrayList<>();
            for (JsonNode group : root.path("groups")) {
                for (JsonNode r : group.path("rules")) {
                    rules.add(new Rule(
                            group.path("name").asText(),
                            text(r, "alert"),
                            text(r, "record"),
                            r.path("expr").asText(),
                            text(r, "for"),
                            map(r.path("labels")),
                            map(r.path("annotations"))));
                }
            }
            return new RuleFile(path, List.copyOf(rules));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public List<Rule> alerts() {
        return rules.stream().filter(r -> r.alert().isPresent()).toList();
    }

    public List<String> recordedNames() {
        return rules.stream().flatMap(r -> r.record().stream()).toList();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
