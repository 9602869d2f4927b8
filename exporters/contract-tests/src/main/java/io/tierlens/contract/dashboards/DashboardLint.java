package io.tierlens.contract.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.catalog.MetricCatalog;
import io.tierlens.contract.dashboards.DashboardFiles.DashboardFile;
import io.tierlens.contract.promql.GrafanaVariables;
import io.tierlens.contract.promql.PromqlNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every tierlens dashboard follows, checked on the committed JSON (whether generated or edited by
 * hand). Each method returns problems as readable sentences; an empty list means the dashboards are fine.
 * PromQL parsing is checked separately with promtool ({@link io.tierlens.contract.tools.PromqlCheck}).
 */
public final class DashboardLint {
    public static final int SCHEMA_VERSION = 39;
    public static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "logs");
    /** Panels that show the current value of each series. */
    public static final Set<String> CURRENT_VALUE_TYPES = Set.of("stat", "gauge", "bargauge");

    private static final String DATASOURCE = "${datasource}";
    /**
     * Self gauges that only the replica doing the work should report. Read over every instance, a standby HA
     * replica that served them would count twice or drag a minimum down.
     */
    public static final Set<String> LEADER_GAUGES =
            Set.of("tierlens_exporter_up", "tierlens_target_up", "tierlens_data_age_seconds");

    private static final String LEADER_FILTER = "(tierlens_leader == 0)";
    private static final Pattern VARIABLE_USE =
            Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[A-Za-z0-9_]+)?}|\\$([A-Za-z0-9_]+)");
    private static final Pattern DASHBOARD_LINK = Pattern.compile("^/d/([^/?]+)");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\)$");

    private final MetricCatalog catalog;

    public DashboardLint(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    /** All problems of a set of dashboards: each one on its own, then uniqueness and links across them. */
    public List<String> check(List<DashboardFile> dashboards) {
        List<String> problems = new ArrayList<>();
        for (DashboardFile d : dashboards) {
            problems.addAll(checkStructure(d));
            problems.addAll(checkPanels(d));
            problems.addAll(checkMetrics(d));
        }
        problems.addAll(checkAcross(dashboards));
        return problems;
    }

    public List<String> checkStructure(DashboardFile d) {
        List<String> problems = new ArrayList<>();
        String file = d.path().getFileName().toString();
        JsonNode json = d.json();
        if (json.path("schemaVersion").asInt() != SCHEMA_VERSION) {
            problems.add(file + ": schemaVersion is " + json.path("schemaVersion") + ", not " + SCHEMA_VERSION);
        }
        String expectedUid = "tierlens-" + file.replaceFirst("\\.json$", "");
        if (!d.uid().equals(expectedUid)) {
            problems.add(file + ": uid " + d.uid() + " is not " + expectedUid);
        }
        if (d.uid().length() > 40) {
            problems.add(file + ": uid " + d.uid() + " is longer than 40 characters");
        }
        if (!contains(json.path("tags"), "tierlens")) {
            problems.add(file + ": no tag tierlens");
        }
        if (!json.path("editable").isBoolean() || json.path("editable").asBoolean()) {
            problems.add(file + ": editable is not false");
        }
        if (d.title().isBlank()) {
            problems.add(file + ": no title");
        }
        Optional<JsonNode> ds = variable(json, "datasource");
        if (ds.isEmpty()
                || !ds.get().path("type").asText().equals("datasource")
                || !ds.get().path("query").asText().equals("prometheus")) {
            problems.add(file + ": no variable 'datasource' of type datasource with query prometheus");
        }
        for (JsonNode v : json.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                if (!v.path("datasource").path("uid").asText().equals(DATASOURCE)) {
                    problems.add(file + ": variable " + v.path("name").asText() + " does not use " + DATASOURCE);
                }
                if (!v.path("allValue").asText().equals(".*")) {
                    problems.add(file + ": variable " + v.path("name").asText() + " has no allValue .*");
                }
            }
        }
        return problems;
    }

    public List<String> checkPanels(DashboardFile d) {
        List<String> problems = new ArrayList<>();
        String file = d.path().getFileName().toString();
        Set<String> variables = new HashSet<>();
        for (JsonNode v : d.json().path("templating").path("list")) {
            variables.add(v.path("name").asText());
        }
        Set<String> titles = new HashSet<>();
        Map<String, String> cells = new HashMap<>();
        for (JsonNode p : d.json().path("panels")) {
            String where = file + " › " + p.path("title").asText("(untitled)");
            problems.addAll(checkGrid(where, p.path("gridPos"), cells));
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            if (!PANEL_TYPES.contains(p.path("type").asText())) {
                problems.add(where + ": panel type " + p.path("type").asText() + " is not one of " + PANEL_TYPES);
            }
            if (!titles.add(p.path("title").asText())) {
                problems.add(where + ": duplicate panel title");
            }
            if (p.path("description").asText().isBlank()) {
                problems.add(where + ": no description");
            }
            if (isLogs(p)) {
                problems.addAll(PanelRules.checkLogs(where, p, variables));
                continue;
            }
            if (p.path("fieldConfig").path("defaults").path("unit").asText().isBlank()) {
                problems.add(where + ": no unit (fieldConfig.defaults.unit)");
            }
            if (CURRENT_VALUE_TYPES.contains(p.path("type").asText())) {
                problems.addAll(PanelRules.checkCurrentValue(where, p));
            }
            if (!p.path("datasource").path("uid").asText().equals(DATASOURCE)) {
                problems.add(where + ": panel data source is not " + DATASOURCE);
            }
            if (p.path("targets").isEmpty()) {
                problems.add(where + ": no query");
            }
            for (JsonNode t : p.path("targets")) {
                String expr = t.path("expr").asText();
                String at = where + " › " + t.path("refId").asText();
                if (!t.path("datasource").path("uid").asText().equals(DATASOURCE)) {
                    problems.add(at + ": query data source is not " + DATASOURCE);
                }
                if (expr.isBlank()) {
                    problems.add(at + ": empty expression");
                }
                for (String gauge : LEADER_GAUGES) {
                    if (PromqlNames.metricNames(GrafanaVariables.expand(expr)).contains(gauge)
                            && !expr.contains(LEADER_FILTER)) {
                        problems.add(at + ": reads " + gauge + " of every replica; leave out a standby with"
                                + " 'unless on (job, instance) " + LEADER_FILTER + "'");
                    }
                }
                if (GrafanaVariables.hasRateWithoutRateInterval(expr)) {
                    problems.add(at + ": rate()/increase() without [$__rate_interval]: " + expr);
                }
                Matcher m = VARIABLE_USE.matcher(expr);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!name.startsWith("__")
                            && !GrafanaVariables.isBackReference(name)
                            && !variables.contains(name)) {
                        problems.add(at + ": uses undefined variable $" + name);
                    }
                }
            }
        }
        return problems;
    }

    static boolean isLogs(JsonNode panel) {
        return panel.path("type").asText().equals("logs");
    }

    /** Every metric name is a tierlens name, a recorded series, or a documented external one. */
    public List<String> checkMetrics(DashboardFile d) {
        List<String> problems = new ArrayList<>();
        String file = d.path().getFileName().toString();
        for (JsonNode v : d.json().path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                String definition = v.path("definition").asText();
                Matcher m = LABEL_VALUES.matcher(definition);
                if (!m.matches()) {
                    problems.add(file + ": variable " + v.path("name").asText() + " is not label_values(selector,"
                            + " label): " + definition);
                    continue;
                }
                for (String name : PromqlNames.metricNames(m.group(1))) {
                    if (catalog.lookup(name).isEmpty()) {
                        problems.add(file + ": variable " + v.path("name").asText() + " reads unknown metric " + name);
                    }
                }
            }
        }
        for (JsonNode p : d.panels()) {
            if (isLogs(p)) {
                continue;
            }
            String where = file + " › " + p.path("title").asText();
            String description = p.path("description").asText();
            for (JsonNode t : p.path("targets")) {
                for (String name : PromqlNames.metricNames(
                        GrafanaVariables.expand(t.path("expr").asText()))) {
                    Optional<MetricCatalog.Origin> origin = catalog.lookup(name);
                    if (origin.isEmpty()) {
                        problems.add(where + ": " + name + " is neither a tierlens metric (" + MetricCatalog.KNOWN_FILE
                                + "), a recording rule of alerts/, nor listed in " + MetricCatalog.EXTERNAL_FILE);
                    } else if (origin.get() instanceof MetricCatalog.External e
                            && !e.inDemo()
                            && e.sources().stream().noneMatch(s -> description.contains(s.requirement()))) {
                        problems.add(where + ": reads " + name + " but its description does not say '"
                                + e.sources().stream()
                                        .map(ExternalSource::requirement)
                                        .findFirst()
                                        .orElse("")
                                + "'");
                    }
                }
            }
        }
        return problems;
    }

    public List<String> checkAcross(List<DashboardFile> dashboards) {
        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (DashboardFile d : dashboards) {
            if (!uids.add(d.uid())) {
                problems.add(d.path().getFileName() + ": duplicate uid " + d.uid());
            }
            if (!titles.add(d.title())) {
                problems.add(d.path().getFileName() + ": duplicate title " + d.title());
            }
        }
        for (DashboardFile d : dashboards) {
            for (JsonNode p : d.panels()) {
                for (JsonNode link : p.path("links")) {
                    Matcher m = DASHBOARD_LINK.matcher(link.path("url").asText());
                    if (m.find() && !uids.contains(m.group(1))) {
                        problems.add(d.path().getFileName() + " › "
                                + p.path("title").asText() + ": link to unknown" + " dashboard " + m.group(1));
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> checkGrid(String where, JsonNode grid, Map<String, String> cells) {
        List<String> problems = new ArrayList<>();
        int x = grid.path("x").asInt();
        int y = grid.path("y").asInt();
        int w = grid.path("w").asInt();
        int h = grid.path("h").asInt();
        if (w <= 0 || h <= 0 || x < 0 || x + w > 24) {
            problems.add(where + ": gridPos outside the 24-column grid: " + grid);
            return problems;
        }
        for (int cx = x; cx < x + w; cx++) {
            for (int cy = y; cy < y + h; cy++) {
                String previous = cells.putIfAbsent(cx + "," + cy, where);
                if (previous != null) {
                    problems.add(where + ": overlaps " + previous);
                    return problems;
                }
            }
        }
        return problems;
    }

    private static Optional<JsonNode> variable(JsonNode json, String name) {
        for (JsonNode v : json.path("templating").path("list")) {
            if (v.path("name").asText().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
