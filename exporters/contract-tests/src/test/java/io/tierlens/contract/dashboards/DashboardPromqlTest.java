package io.tierlens.contract.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.dashboards.DashboardFiles.DashboardFile;
import io.tierlens.contract.dashboards.DashboardFiles.PanelQuery;
import io.tierlens.contract.promql.GrafanaVariables;
import io.tierlens.contract.tools.PromqlCheck;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every panel query and every variable's selector parses, according to promtool (Prometheus 2.42). */
class DashboardPromqlTest {
    private final Path root = RepoRoot.get();

    @TempDir
    Path work;

    @Test
    void everyDashboardQueryParses() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (PanelQuery q : DashboardFiles.queries(root)) {
            expressions.put(q.where(), q.expanded());
        }
        for (DashboardFile d : DashboardFiles.readAll(root)) {
            d.json().path("templating").path("list").forEach(v -> {
                String definition = v.path("definition").asText();
                if (definition.startsWith("label_values(")) {
                    String selector = definition.substring("label_values(".length(), definition.lastIndexOf(','));
                    expressions.put(
                            d.path().getFileName() + " › variable "
                                    + v.path("name").asText(),
                            GrafanaVariables.expand(selector));
                }
            });
        }
        assertThat(expressions).hasSizeGreaterThan(200);
        assertThat(PromqlCheck.problems(expressions, work)).isEmpty();
    }

    @Test
    void anExpressionThatDoesNotParseIsReportedWithItsPanel() {
        Map<String, String> expressions = new LinkedHashMap<>();
        expressions.put("good", "sum(rate(x[1m]))");
        expressions.put("004-karpenter.json › Pending pods › A", "sum by (namespace (x)");
        assertThat(PromqlCheck.problems(expressions, work))
                .singleElement()
                .asString()
                .startsWith("004-karpenter.json › Pending pods › A: ")
                .contains("sum by (namespace (x)");
    }
}
