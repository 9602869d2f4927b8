package io.tierlens.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} (the default when VAR is unset or empty) in string values
 * of a parsed tree ({@code $$} is a literal {@code $}). Substituting after parsing, not in the raw text, means a
 * variable's value can never change the YAML structure.
 */
public final class EnvSubstitution {
    private static final Pattern VAR = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> env;
    private final ConfigProblems problems;

    public EnvSubstitution(Function<String, String> env, ConfigProblems problems) {
        this.env = env;
        this.problems = problems;
    }

    public JsonNode apply(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), apply(e.getValue(), ConfigProblems.join(path, e.getKey())));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(apply(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (node.isTextual() && node.asText().contains("$")) {
            return JsonNodeFactory.instance.textNode(substitute(node.asText(), path));
        }
        return node;
    }

    private String substitute(String text, String path) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String value = env.apply(m.group(1));
                if ((value == null || value.isEmpty()) && m.group(2) != null) {
                    // ':-' means "unset or empty", as in sh and compose files: Kubernetes sets unused ones to "".
                    value = m.group(2);
                }
                if (value == null) {
                    problems.add(
                            path,
                            "environment variable " + m.group(1) + " is not set",
                            "set it, or give a default with ${" + m.group(1) + ":-value}");
                    value = "";
                }
                replacement = value;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
