package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.tools.AlertmanagerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inhibitions of alerts/alertmanager.yaml, on a real Alertmanager: alerts are posted with the label sets the
 * rules produce, and the API reports which ones are inhibited.
 */
class AlertmanagerInhibitionTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void failoverAndExporterOutagesInhibitTheAlertsTheyExplain() throws Exception {
        Path config = RuleFiles.alertsDir(RepoRoot.get()).resolve("alertmanager.yaml");
        Map<String, Boolean> expectedInhibited = new LinkedHashMap<>();
        expectedInhibited.put("TierlensDrFailoverActive", false);
        expectedInhibited.put("TierlensAlbErrorBudgetBurnFast", true); // primary ALB during failover
        expectedInhibited.put("TierlensDrProbeFailing", true);
        expectedInhibited.put("TierlensExporterDown", false);
        expectedInhibited.put("TierlensKarpenterPendingPods", true); // its exporter is down
        expectedInhibited.put("TierlensRdsCpuHigh", false); // another exporter's data
        expectedInhibited.put("TierlensSessionStoreDown", false);
        expectedInhibited.put("TierlensSessionRedisMemoryHigh", true); // the same Redis is down
        expectedInhibited.put("TierlensRdsStorageAboutToFill", false);
        expectedInhibited.put("TierlensRdsStorageLow", true); // the page covers it
        expectedInhibited.put("TierlensWasDown", false);
        expectedInhibited.put("TierlensWasInstanceDown", true); // every instance of its job is down
        expectedInhibited.put("TierlensWasHeapHigh", false); // another WAS job

        try (AlertmanagerProcess am = AlertmanagerProcess.start(config, work)) {
            am.post(List.of(
                    labels("TierlensDrFailoverActive", "critical", "dr", "record", "www.example.com.", "site", "dr-us"),
                    labels(
                            "TierlensAlbErrorBudgetBurnFast",
                            "critical",
                            "alb",
                            "load_balancer",
                            "app/web/1",
                            "slo",
                            "availability"),
                    labels("TierlensDrProbeFailing", "warning", "dr", "site", "primary-eu", "target", "https://x"),
                    labels(
                            "TierlensExporterDown",
                            "warning",
                            "karpenter",
                            "job",
                            "tierlens",
                            "instance",
                            "tierlens:9102"),
                    labels("TierlensRdsCpuHigh", "warning", "rds", "db_instance", "shop-db", "statistic", "average"),
                    labels(
                            "TierlensKarpenterPendingPods",
                            "warning",
                            "karpenter",
                            "namespace",
                            "shop",
                            "reason",
                            "unschedulable"),
                    labels("TierlensSessionStoreDown", "critical", "session", "instance", "redis:6379"),
                    labels("TierlensSessionRedisMemoryHigh", "warning", "session", "instance", "redis:6379"),
                    labels("TierlensRdsStorageAboutToFill", "critical", "rds", "db_instance", "shop-db"),
                    labels("TierlensRdsStorageLow", "warning", "rds", "db_instance", "shop-db"),
                    was("TierlensWasDown", "critical", "shop-was", "-"),
                    was("TierlensWasInstanceDown", "warning", "shop-was", "10.0.1.5:8080"),
                    was("TierlensWasHeapHigh", "warning", "admin-was", "10.0.3.9:8080")));

            Map<String, Boolean> actual = Map.of();
            Instant deadline = Instant.now().plus(SETTLE);
            while (Instant.now().isBefore(deadline)) {
                actual = inhibited(am.alerts());
                if (actual.equals(expectedInhibited)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(actual)
                    .as("inhibited per alert; Alertmanager log:\n%s", am.log())
                    .isEqualTo(expectedInhibited);
        }
    }

    private static Map<String, Boolean> inhibited(JsonNode alerts) {
        Map<String, Boolean> out = new HashMap<>();
        for (JsonNode a : alerts) {
            out.put(
                    a.path("labels").path("alertname").asText(),
                    !a.path("status").path("inhibitedBy").isEmpty());
        }
        return out;
    }

    /** A WAS alert: Micrometer's labels, no account, region or exporter. */
    private static Map<String, String> was(String alert, String severity, String job, String instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert);
        labels.put("severity", severity);
        labels.put("job", job);
        if (!instance.equals("-")) {
            labels.put("instance", instance);
        }
        return labels;
    }

    /** The labels a rule produces: the data's labels plus the rule's static ones. */
    private static Map<String, String> labels(String alert, String severity, String exporter, String... more) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert);
        labels.put("severity", severity);
        labels.put("account_id", "123456789012");
        labels.put("region", "eu-west-1");
        // a static rule label for area alerts, the data label of tierlens_exporter_up for TierlensExporterDown
        labels.put("exporter", exporter);
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }
}
