package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.rules.RuleFile.Rule;
import io.tierlens.contract.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule files pass the real promtool of Prometheus 2.42: syntax, and the unit tests of alerts/tests/. */
class PromtoolRulesTest {
    private final Path root = RepoRoot.get();
    private final Path alerts = RuleFiles.alertsDir(root);

    @Test
    void oneRuleFileAndOneTestFilePerArea() {
        // an area may have a second file, <area>-<topic>.rules.yaml (cost-bill), with its own test file
        List<String> rules = RuleFiles.ruleFiles(root).stream()
                .map(RuleFiles::area)
                .distinct()
                .toList();
        List<String> tests = RuleFiles.testFiles(root).stream()
                .map(RuleFiles::area)
                .distinct()
                .toList();
        assertThat(RuleFiles.testFiles(root).stream().map(RuleFiles::stem))
                .containsExactlyInAnyOrderElementsOf(
                        RuleFiles.ruleFiles(root).stream().map(RuleFiles::stem).toList());
        assertThat(rules).containsExactlyInAnyOrderElementsOf(RuleFiles.AREAS);
        assertThat(tests).containsExactlyInAnyOrderElementsOf(RuleFiles.AREAS);
    }

    @Test
    void promtoolChecksEveryRuleFile() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        RuleFiles.ruleFiles(root).forEach(p -> args.add(p.getFileName().toString()));
        Tool.Result result = Tool.PROMTOOL.run(alerts, args.toArray(String[]::new));
        assertThat(result.ok()).as("promtool check rules:\n%s", result.output()).isTrue();
        assertThat(result.output()).doesNotContain("WARNING");
    }

    @Test
    void promtoolUnitTestsPass() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        RuleFiles.testFiles(root).forEach(p -> args.add("tests/" + p.getFileName()));
        Tool.Result result = Tool.PROMTOOL.run(alerts, args.toArray(String[]::new));
        assertThat(result.ok()).as("promtool test rules:\n%s", result.output()).isTrue();
    }

    /**
     * The silent case one evaluation before an alert fires must be silent because of the alert's {@code for}, not
     * because the condition starts just then: with every {@code for} of a file set to 0 its unit tests must fail,
     * and name every alert of the file. One promtool run per rule file.
     */
    @Test
    void everyAlertsSilentCaseDependsOnItsFor(@TempDir Path copy) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Files.createDirectories(copy.resolve("tests"));
        List<String> problems = new ArrayList<>();
        for (RuleFile f : RuleFiles.readAll(root)) {
            String stem = RuleFiles.stem(f.path());
            JsonNode doc = yaml.readTree(f.path().toFile());
            for (JsonNode group : doc.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        ((ObjectNode) rule).put("for", "0s");
                    }
                }
            }
            yaml.writeValue(copy.resolve(f.path().getFileName()).toFile(), doc);
            Files.copy(
                    alerts.resolve("tests").resolve(stem + ".test.yaml"), copy.resolve("tests/" + stem + ".test.yaml"));
            Tool.Result result = Tool.PROMTOOL.run(copy, "test", "rules", "tests/" + stem + ".test.yaml");
            for (Rule r : f.alerts()) {
                if (result.ok()
                        || !result.output().contains("alertname: " + r.alert().get() + ",")) {
                    problems.add(r.alert().get() + ": its tests still pass without its for");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
