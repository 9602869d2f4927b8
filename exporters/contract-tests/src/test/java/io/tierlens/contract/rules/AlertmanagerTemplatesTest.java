package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification texts of alerts/alertmanager.yaml, rendered by the real amtool 0.25 ({@code amtool template
 * render}) against the data Alertmanager passes to a receiver. The case that broke PagerDuty: two alerts of the same
 * name grouped together, whose summaries differ, so {@code .CommonAnnotations.summary} is empty.
 */
class AlertmanagerTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ALERT = "TierlensBackupRpoMissed";
    private static final String RUNBOOK = RuleConventionsTest.RUNBOOK_BASE + ALERT.toLowerCase();

    @TempDir
    Path work;

    private JsonNode receivers;

    @BeforeEach
    void readConfig() throws IOException {
        receivers = YAML.readTree(RuleFiles.alertsDir(RepoRoot.get())
                        .resolve("alertmanager.yaml")
                        .toFile())
                .path("receivers");
        // amtool wants template files besides the text; an empty one adds nothing to the defaults.
        Files.writeString(work.resolve("none.tmpl"), "");
    }

    @Test
    void pagerDutySummaryIsNeverEmptyWhenTheGroupsSummariesDiffer() throws IOException {
        Path data = data(
                "firing",
                alert("firing", "shop-db-1", "The newest aws_backup copy of shop-db-1 is older than its RPO."),
                alert("firing", "orders", "The newest aws_backup copy of orders is older than its RPO."));
        JsonNode pd = receiver("pager").path("pagerduty_configs").get(0);

        assertThat(render("{{ .CommonAnnotations.summary }}", data))
                .as("the old description, Alertmanager's common summary, is empty for this group")
                .isEmpty();
        assertThat(render(pd.path("description").asText(), data))
                .isEqualTo(ALERT + ": 2 firing (The newest aws_backup copy of shop-db-1 is older than its RPO., ...)");
        assertThat(render(pd.path("links").get(0).path("href").asText(), data)).isEqualTo(RUNBOOK);
    }

    @Test
    void aSingleAlertKeepsItsOwnSummary() throws IOException {
        String summary = "The newest aws_backup copy of shop-db-1 is older than its RPO.";
        Path data = data("firing", alert("firing", "shop-db-1", summary));
        JsonNode pd = receiver("pager").path("pagerduty_configs").get(0);
        assertThat(render(pd.path("description").asText(), data)).isEqualTo(summary);
    }

    @Test
    void slackTitleAndTextAreNeverEmpty() throws IOException {
        Path data = data(
                "resolved",
                alert("resolved", "shop-db-1", "The newest aws_backup copy of shop-db-1 is older than its RPO."),
                alert("resolved", "orders", "The newest aws_backup copy of orders is older than its RPO."));
        JsonNode slack = receiver("ticket-and-chat").path("slack_configs").get(0);
        assertThat(render(slack.path("title").asText(), data)).isEqualTo("[RESOLVED] " + ALERT + " (critical)");
        assertThat(render(slack.path("text").asText(), data))
                .contains("[resolved] The newest aws_backup copy of shop-db-1 is older than its RPO.")
                .contains("[resolved] The newest aws_backup copy of orders is older than its RPO.")
                .contains("Runbook: " + RUNBOOK);
    }

    private JsonNode receiver(String name) {
        for (JsonNode r : receivers) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no receiver " + name + " in alertmanager.yaml");
    }

    private String render(String template, Path data) {
        Tool.Result result = Tool.AMTOOL.run(
                work,
                "template",
                "render",
                "--template.glob=" + work.resolve("*.tmpl"),
                "--template.data=" + data,
                "--template.text=" + template);
        assertThat(result.ok())
                .as("amtool template render:\n%s", result.output())
                .isTrue();
        return result.output().strip();
    }

    /** template.Data as Alertmanager builds it for a group by [alertname, account_id, region]. */
    private Path data(String status, ObjectNode... alerts) throws IOException {
        ObjectNode d = JSON.createObjectNode();
        d.put("receiver", "pager");
        d.put("status", status);
        ArrayNode list = d.putArray("alerts");
        for (ObjectNode a : alerts) {
            list.add(a);
        }
        Map<String, String> group = Map.of("alertname", ALERT, "account_id", "123456789012", "region", "eu-west-1");
        group.forEach(d.putObject("groupLabels")::put);
        ObjectNode common = d.putObject("commonLabels");
        group.forEach(common::put);
        common.put("severity", "critical");
        common.put("exporter", "backup");
        // Alertmanager keeps only the annotations every alert shares: the summaries differ, the runbook does not.
        ObjectNode commonAnnotations = d.putObject("commonAnnotations");
        if (alerts.length == 1) {
            alerts[0]
                    .path("annotations")
                    .fields()
                    .forEachRemaining(e -> commonAnnotations.set(e.getKey(), e.getValue()));
        } else {
            commonAnnotations.put("runbook_url", RUNBOOK);
        }
        d.put("externalURL", "http://alertmanager:9093");
        Path file = work.resolve("data-" + status + "-" + alerts.length + ".json");
        JSON.writeValue(file.toFile(), d);
        return file;
    }

    private static ObjectNode alert(String status, String resource, String summary) {
        ObjectNode a = JSON.createObjectNode();
        a.put("status", status);
        ObjectNode labels = a.putObject("labels");
        labels.put("alertname", ALERT);
        labels.put("severity", "critical");
        labels.put("exporter", "backup");
        labels.put("account_id", "123456789012");
        labels.put("region", "eu-west-1");
        labels.put("resource", resource);
        labels.put("mechanism", "aws_backup");
        ObjectNode annotations = a.putObject("annotations");
        annotations.put("summary", summary);
        annotations.put("description", "The newest aws_backup copy of " + resource + " is 1d 0h 6m 0s old.");
        annotations.put("runbook_url", RUNBOOK);
        a.put("startsAt", "2026-12-05T00:00:00Z");
        a.put("endsAt", status.equals("resolved") ? "2026-12-05T01:00:00Z" : "0001-01-01T00:00:00Z");
        a.put("generatorURL", "http://prometheus:9090/graph");
        a.put("fingerprint", resource);
        return a;
    }
}
