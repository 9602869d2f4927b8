package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.rules.RuleFile.Rule;
import io.tierlens.contract.tools.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** alerts/alertmanager.yaml passes amtool and routes every alert of the rules by its severity. */
class AlertmanagerConfigTest {
    static final Map<String, String> RECEIVERS_BY_SEVERITY =
            Map.of("critical", "pager,ticket-and-chat", "warning", "ticket-and-chat", "info", "null");

    private final Path root = RepoRoot.get();
    private final Path alerts = RuleFiles.alertsDir(root);

    @Test
    void amtoolAcceptsTheConfiguration() {
        Tool.Result result = Tool.AMTOOL.run(alerts, "check-config", "alertmanager.yaml");
        assertThat(result.ok()).as("amtool check-config:\n%s", result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertReachesTheReceiversOfItsSeverity() {
        List<String> wrong = new ArrayList<>();
        for (RuleFile f : RuleFiles.readAll(root)) {
            for (Rule r : f.alerts()) {
                String expected = RECEIVERS_BY_SEVERITY.get(r.labels().get("severity"));
                List<String> args = new ArrayList<>(List.of(
                        "config",
                        "routes",
                        "test",
                        "--config.file=alertmanager.yaml",
                        "--verify.receivers=" + expected,
                        "alertname=" + r.alert().get()));
                r.labels().forEach((k, v) -> args.add(k + "=" + v));
                Tool.Result result = Tool.AMTOOL.run(alerts, args.toArray(String[]::new));
                if (!result.ok()) {
                    wrong.add(r.alert().get() + " expected " + expected + ": "
                            + result.output().trim());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void routingCheckCanFail() {
        Tool.Result result = Tool.AMTOOL.run(
                alerts,
                "config",
                "routes",
                "test",
                "--config.file=alertmanager.yaml",
                "--verify.receivers=pager",
                "alertname=TierlensRdsCpuHigh",
                "severity=warning");
        assertThat(result.ok()).as(result.output()).isFalse();
    }
}
