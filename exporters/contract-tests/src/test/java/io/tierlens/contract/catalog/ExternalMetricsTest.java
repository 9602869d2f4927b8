package io.tierlens.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.dashboards.DashboardFiles;
import io.tierlens.contract.promql.PromqlNames;
import io.tierlens.contract.rules.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * dashboards/external-metrics.txt lists exactly the external metrics in use, and the documentation explains
 * every one of them and every dashboard.
 */
class ExternalMetricsTest {
    private final Path root = RepoRoot.get();
    private final Set<String> external = MetricCatalog.readExternal(root.resolve(MetricCatalog.EXTERNAL_FILE))
            .keySet();

    @Test
    void everyListedExternalMetricIsUsed() {
        Set<String> used = new HashSet<>();
        DashboardFiles.queries(root).forEach(q -> used.addAll(PromqlNames.metricNames(q.expanded())));
        RuleFiles.readAll(root).forEach(f -> f.rules().forEach(r -> used.addAll(PromqlNames.metricNames(r.expr()))));
        assertThat(used).as("metrics the dashboards and rules read").containsAll(external);
    }

    @Test
    void theDocumentationListsEveryExternalMetricAndEveryDashboard() throws IOException {
        String docs = Files.readString(root.resolve("docs/dashboards-and-alerts.md"));
        for (String name : external) {
            assertThat(docs).as("docs/dashboards-and-alerts.md names %s", name).contains("`" + name + "`");
        }
        for (DashboardFiles.DashboardFile d : DashboardFiles.readAll(root)) {
            assertThat(docs).contains(d.path().getFileName().toString());
        }
    }
}
