package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
