package io.tierlens.contract.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A copy of a rule file of {@code alerts/} whose named alerts wait a shorter {@code for}: the end-to-end test cannot
 * wait the 15 minutes of {@code TierlensExporterDown}. Only {@code for} changes; expressions, labels and every other
 * rule are the shipped ones, so the test still checks the rule a user installs.
 */
final class FastRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FastRules() {}

    /**
     * Writes {@code source} to {@code target} with {@code for} of each alert of {@code forByAlert} replaced.
     *
     * @throws IllegalStateException when an alert of {@code forByAlert} is not in {@code source}, so a renamed rule
     *     fails the test instead of silently keeping its long {@code for}
     */
    static Path write(Path source, Map<String, String> forByAlert, Path target) throws IOException {
        JsonNode doc = YAML.readTree(source.toFile());
        Set<String> rewritten = new TreeSet<>();
        for (JsonNode group : doc.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText("");
                if (forByAlert.containsKey(alert)) {
                    ((ObjectNode) rule).put("for", forByAlert.get(alert));
                    rewritten.add(alert);
                }
            }
        }
        if (!rewritten.equals(new TreeSet<>(forByAlert.keySet()))) {
            throw new IllegalStateException(
                    "alerts " + forByAlert.keySet() + " expected in " + source + ", found " + rewritten);
        }
        YAML.writeValue(target.toFile(), doc);
        return target;
    }
}
