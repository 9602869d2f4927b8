package io.tierlens.contract.e2e;

import io.tierlens.contract.catalog.MetricCatalog;
import io.tierlens.contract.dashboards.DashboardFiles;
import io.tierlens.contract.dashboards.DashboardFiles.DashboardFile;
import io.tierlens.contract.dashboards.DashboardFiles.PanelQuery;
import io.tierlens.contract.promql.GrafanaVariables;
import io.tierlens.contract.promql.PromqlNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the end-to-end test asks Prometheus for each dashboard: every panel query (variables at "All",
 * {@code $__rate_interval} at {@value GrafanaVariables#RATE_INTERVAL}) and every resource variable's
 * {@code label_values(...)}, each with the exporters it needs and whether it reads a source outside the demo.
 */
final class DashboardChecks {
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\)$");

    private DashboardChecks() {}

    /** One thing a dashboard shows that must not be empty in the demo. */
    record Check(String where, String expr, String label, boolean outsideDemo, Set<String> exporters) {
        boolean isVariable() {
            return label != null;
        }

        /** Whether Prometheus returns data for it now; a query error counts as a failure with its message. */
        Outcome evaluate(PrometheusApi prometheus) throws IOException, InterruptedException {
            if (isVariable()) {
                List<String> values = prometheus.labelValues(label, expr);
                return values.isEmpty() ? Outcome.EMPTY : Outcome.DATA;
            }
            PrometheusApi.QueryResult r = prometheus.query(expr);
            if (r.failed()) {
                return new Outcome(false, false, r.error());
            }
            return new Outcome(!r.empty(), r.allNaN(), null);
        }

        String describe() {
            return where + "\n      " + (isVariable() ? "label_values(" + expr + ", " + label + ")" : expr);
        }
    }

    record Outcome(boolean hasData, boolean allNaN, String error) {
        static final Outcome DATA = new Outcome(true, false, null);
        static final Outcome EMPTY = new Outcome(false, false, null);
    }

    static List<Check> all(Path root) {
        MetricCatalog catalog = MetricCatalog.load(root, Set.of());
        List<Check> out = new ArrayList<>();
        for (PanelQuery q : DashboardFiles.queries(root)) {
            String expr = q.expanded();
            out.add(new Check(q.where(), expr, null, q.needsExternalExporter(), MetricOwners.exportersOf(expr)));
        }
        for (DashboardFile d : DashboardFiles.readAll(root)) {
            d.json().path("templating").path("list").forEach(v -> {
                Matcher m = LABEL_VALUES.matcher(v.path("definition").asText());
                if (m.matches()) {
                    String selector = GrafanaVariables.expand(m.group(1));
                    out.add(new Check(
                            d.path().getFileName() + " › variable "
                                    + v.path("name").asText(),
                            selector,
                            m.group(2),
                            outsideDemo(catalog, selector),
                            MetricOwners.exportersOf(selector)));
                }
            });
        }
        return out;
    }

    /**
     * Whether a variable reads only names of sources {@code tierlens demo} does not provide (Micrometer,
     * kube-state-metrics); panels say so in their description, variables have none.
     */
    private static boolean outsideDemo(MetricCatalog catalog, String selector) {
        Set<String> names = PromqlNames.metricNames(selector);
        return !names.isEmpty()
                && names.stream()
                        .allMatch(n -> catalog.lookup(n)
                                .filter(o -> o instanceof MetricCatalog.External e && !e.inDemo())
                                .isPresent());
    }
}
