package io.tierlens.contract.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that PromQL expressions parse, with the real promtool: each expression becomes a recording rule of a
 * temporary rule file, and {@code promtool check rules} reports those that do not parse.
 */
public final class PromqlCheck {
    private static final Pattern RULE_NAME = Pattern.compile("\"(lint:e[0-9]+)\"");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PromqlCheck() {}

    /**
     * Problems of the given expressions, keyed by where they come from; empty when every one parses.
     *
     * @param expressions where (for the message) to the PromQL expression
     */
    public static List<String> problems(Map<String, String> expressions, Path workDir) {
        Map<String, String> whereByRule = new LinkedHashMap<>();
        List<Map<String, String>> rules = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            String record = "lint:e" + n++;
            whereByRule.put(record, e.getKey());
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("record", record);
            rule.put("expr", e.getValue());
            rules.add(rule);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "expressions");
        group.put("rules", rules);
        Path file = workDir.resolve("expressions.rules.yaml");
        try {
            Files.writeString(file, YAML.writeValueAsString(Map.of("groups", List.of(group))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        Tool.Result result =
                Tool.PROMTOOL.run(workDir, "check", "rules", file.getFileName().toString());
        if (result.ok()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            Matcher m = RULE_NAME.matcher(line);
            if (m.find()) {
                String where = whereByRule.get(m.group(1));
                problems.add(where + ": " + line.trim() + "\n    expression: " + expressions.get(where));
            }
        }
        if (problems.isEmpty()) {
            problems.add("promtool check rules failed:\n" + result.output());
        }
        return problems;
    }
}
