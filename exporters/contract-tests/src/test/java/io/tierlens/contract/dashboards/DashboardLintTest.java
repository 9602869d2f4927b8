package io.tierlens.contract.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.catalog.MetricCatalog;
import io.tierlens.contract.dashboards.DashboardFiles.DashboardFile;
import io.tierlens.contract.rules.RuleFile;
import io.tierlens.contract.rules.RuleFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DashboardLintTest {
    private final Path root = RepoRoot.get();
    private final List<DashboardFile> dashboards = DashboardFiles.readAll(root);
    private final DashboardLint lint = new DashboardLint(catalog(root));

    static MetricCatalog catalog(Path root) {
        Set<String> recorded = new HashSet<>();
        RuleFiles.readAll(root).forEach(f -> recorded.addAll(f.recordedNames()));
        return MetricCatalog.load(root, recorded);
    }

    @Test
    void committedDashboardsFollowEveryRule() {
        assertThat(dashboards).hasSize(9);
        assertThat(lint.check(dashboards)).isEmpty();
    }

    @Test
    void everyPanelOfTheOverviewLinksToADetailDashboard() {
        DashboardFile overview = dashboards.get(0);
        assertThat(overview.uid()).isEqualTo("tierlens-001-system-overview");
        Set<String> linked = new HashSet<>();
        overview.panels()
                .forEach(p -> p.path("links")
                        .forEach(l -> linked.add(l.path("url").asText().replaceAll("\\?.*", ""))));
        assertThat(linked)
                .containsExactlyInAnyOrder(
                        "/d/tierlens-002-aws-infrastructure",
                        "/d/tierlens-003-jvm",
                        "/d/tierlens-004-karpenter",
                        "/d/tierlens-005-cost",
                        "/d/tierlens-006-dr-status",
                        "/d/tierlens-007-session",
                        "/d/tierlens-009-rds-backup",
                        "/d/tierlens-010-pushgateway-batch-jobs");
    }

    // The lint must be able to fail: each broken copy of a real dashboard is reported.

    @Test
    void reportsAMissingDatasourceVariable() {
        assertThat(problemsOf(d -> ((ArrayNode) d.path("templating").path("list")).remove(0)))
                .anyMatch(p -> p.contains("no variable 'datasource'"));
    }

    @Test
    void reportsAPanelWithoutTheDatasourceVariable() {
        assertThat(problemsOf(d -> ((ObjectNode) firstPanel(d).path("datasource")).put("uid", "prometheus-prod")))
                .anyMatch(p -> p.contains("panel data source is not ${datasource}"));
    }

    @Test
    void reportsAQueryWithoutTheDatasourceVariable() {
        assertThat(problemsOf(d -> ((ObjectNode) firstPanel(d).path("targets").get(0)).remove("datasource")))
                .anyMatch(p -> p.contains("query data source is not ${datasource}"));
    }

    @Test
    void reportsAPanelWithoutUnitOrDescription() {
        assertThat(problemsOf(
                        d -> ((ObjectNode) firstPanel(d).path("fieldConfig").path("defaults")).remove("unit")))
                .anyMatch(p -> p.contains("no unit"));
        assertThat(problemsOf(d -> ((ObjectNode) firstPanel(d)).put("description", " ")))
                .anyMatch(p -> p.contains("no description"));
    }

    @Test
    void reportsRateWithoutRateInterval() {
        assertThat(problemsOf(d -> setExpr(d, "sum(rate(tierlens_refresh_errors_total[5m]))")))
                .anyMatch(p -> p.contains("without [$__rate_interval]"));
    }

    @Test
    void reportsAnUnknownMetricAndAnUndocumentedExternalOne() {
        assertThat(problemsOf(d -> setExpr(d, "sum(tierlens_alb_request_count)")))
                .anyMatch(p -> p.contains("tierlens_alb_request_count is neither a tierlens metric"));
        assertThat(problemsOf(d -> setExpr(d, "sum(hikaricp_connections_active)")))
                .anyMatch(p -> p.contains("reads hikaricp_connections_active but its description does not say"));
    }

    @Test
    void reportsDuplicateUidsAndTitles() {
        DashboardFile first = dashboards.get(0);
        ObjectNode copy = first.json().deepCopy();
        copy.put("title", "another title");
        List<String> problems = lint.checkAcross(List.of(first, new DashboardFile(Path.of("999-copy.json"), copy)));
        assertThat(problems).anyMatch(p -> p.contains("duplicate uid"));

        ObjectNode sameTitle = first.json().deepCopy();
        sameTitle.put("uid", "tierlens-999-copy");
        assertThat(lint.checkAcross(List.of(first, new DashboardFile(Path.of("999-copy.json"), sameTitle))))
                .anyMatch(p -> p.contains("duplicate title"));
    }

    @Test
    void reportsOverlappingPanelsAndLinksToUnknownDashboards() {
        assertThat(problemsOf(d -> ((ObjectNode) d.path("panels").get(2).path("gridPos")).setAll((ObjectNode)
                        d.path("panels").get(1).path("gridPos").deepCopy())))
                .anyMatch(p -> p.contains("overlaps"));
        assertThat(problemsOf(d -> ((ObjectNode) firstPanel(d))
                        .putArray("links")
                        .addObject()
                        .put("url", "/d/tierlens-008-missing")))
                .anyMatch(p -> p.contains("link to unknown dashboard tierlens-008-missing"));
    }

    @Test
    void reportsAStatPanelThatReadsARangeQuery() {
        // Issue 15: a range query reduced to its last non-null value kept "Exporters up" at 100 % after tierlens
        // stopped. The committed first panel is that stat; give it back its range query.
        assertThat(firstPanel(dashboards.get(0).json()).path("type").asText()).isEqualTo("stat");
        assertThat(problemsOf(d -> {
                    ObjectNode target =
                            (ObjectNode) firstPanel(d).path("targets").get(0);
                    target.put("instant", false);
                    target.put("range", true);
                }))
                .anyMatch(p -> p.contains("Exporters up › A: range query in a stat panel"));
    }

    @Test
    void reportsAStatPanelThatShowsNothingOrGreenWhenItsSourceIsGone() {
        assertThat(problemsOf(
                        d -> ((ObjectNode) firstPanel(d).path("fieldConfig").path("defaults")).remove("noValue")))
                .anyMatch(p -> p.contains("Exporters up: no noValue"));
        assertThat(problemsOf(
                        d -> ((ObjectNode) firstPanel(d).path("fieldConfig").path("defaults")).putArray("mappings")))
                .anyMatch(p -> p.contains("Exporters up: no special value mapping of null"));
        assertThat(problemsOf(d -> ((ObjectNode) firstPanel(d)
                                .path("fieldConfig")
                                .path("defaults")
                                .path("mappings")
                                .get(0)
                                .path("options")
                                .path("result"))
                        .put("color", "green")))
                .anyMatch(p -> p.contains("Exporters up: no special value mapping of null"));
    }

    @Test
    void reportsASelfGaugeReadOverEveryReplica() {
        assertThat(problemsOf(d -> setExpr(
                        d, "sum(tierlens_exporter_up{job=~\"$job\"}) / count(tierlens_exporter_up{job=~\"$job\"})")))
                .anyMatch(p -> p.contains("reads tierlens_exporter_up of every replica"));
    }

    @Test
    void reportsALogPanelThatDoesNotReadTheLokiVariable() {
        assertThat(problemsOf(d -> {
                    for (JsonNode p : d.path("panels")) {
                        if (p.path("type").asText().equals("logs")) {
                            ((ObjectNode) p.path("datasource")).put("uid", "${datasource}");
                        }
                    }
                }))
                .anyMatch(p -> p.contains("WEB error logs: logs panel data source is not ${loki}"));
    }

    private List<String> problemsOf(Consumer<ObjectNode> breakIt) {
        DashboardFile original = dashboards.get(0);
        ObjectNode broken = original.json().deepCopy();
        breakIt.accept(broken);
        List<DashboardFile> all = new java.util.ArrayList<>(dashboards);
        all.set(0, new DashboardFile(original.path(), broken));
        return lint.check(all);
    }

    private static JsonNode firstPanel(JsonNode dashboard) {
        for (JsonNode p : dashboard.path("panels")) {
            if (!p.path("type").asText().equals("row")) {
                return p;
            }
        }
        throw new AssertionError("no panel");
    }

    private static void setExpr(ObjectNode dashboard, String expr) {
        ((ObjectNode) firstPanel(dashboard).path("targets").get(0)).put("expr", expr);
    }

    @Test
    void recordedSeriesOfTheRulesAreKnownToTheCatalog() {
        RuleFile alb = RuleFile.read(RuleFiles.alertsDir(root).resolve("alb.rules.yaml"));
        assertThat(catalog(root).lookup(alb.recordedNames().get(0))).isPresent();
    }
}
