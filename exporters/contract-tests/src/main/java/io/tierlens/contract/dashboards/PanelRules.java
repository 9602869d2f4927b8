package io.tierlens.contract.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierlens.contract.catalog.ExternalSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The panel rules of {@link DashboardLint} that issue 15 added: current values and log panels. */
final class PanelRules {
    private static final String LOKI = "${loki}";
    private static final Set<String> ABSENT_MATCHES = Set.of("null", "null+nan");

    private PanelRules() {}

    /**
     * A stat, gauge or bar gauge shows "now": a range query reduced to its last non-null value keeps showing the
     * last value for as long as the time range holds one (55 s after tierlens stopped, "Exporters up" still said
     * 100 %). And when its source is gone it must say so in a colour that does not mean fine.
     */
    static List<String> checkCurrentValue(String where, JsonNode p) {
        List<String> problems = new ArrayList<>();
        for (JsonNode t : p.path("targets")) {
            if (!t.path("instant").asBoolean() || t.path("range").asBoolean()) {
                problems.add(where + " › " + t.path("refId").asText() + ": range query in a "
                        + p.path("type").asText() + " panel; reduced to its last non-null value it keeps showing"
                        + " stale data after the source stops (use an instant query)");
            }
        }
        JsonNode defaults = p.path("fieldConfig").path("defaults");
        if (defaults.path("noValue").asText().isBlank()) {
            problems.add(where + ": no noValue text for a source that is gone");
        }
        boolean absentMapped = false;
        for (JsonNode m : defaults.path("mappings")) {
            JsonNode options = m.path("options");
            if (m.path("type").asText().equals("special")
                    && ABSENT_MATCHES.contains(options.path("match").asText())) {
                String color = options.path("result").path("color").asText();
                absentMapped = !color.isBlank() && !color.contains("green");
            }
        }
        if (!absentMapped) {
            problems.add(where + ": no special value mapping of null to a colour other than green (an absent"
                    + " source would show the base threshold colour)");
        }
        return problems;
    }

    /** Log panels read the optional Loki data source with LogQL and say that they need it. */
    static List<String> checkLogs(String where, JsonNode p, Set<String> variables) {
        List<String> problems = new ArrayList<>();
        if (!variables.contains("loki")) {
            problems.add(where + ": logs panel without a variable 'loki'");
        }
        if (!p.path("datasource").path("uid").asText().equals(LOKI)) {
            problems.add(where + ": logs panel data source is not " + LOKI);
        }
        if (!p.path("description").asText().contains(ExternalSource.LOKI.requirement())) {
            problems.add(where + ": logs panel description does not say '" + ExternalSource.LOKI.requirement() + "'");
        }
        if (p.path("targets").isEmpty()) {
            problems.add(where + ": no query");
        }
        for (JsonNode t : p.path("targets")) {
            if (!t.path("datasource").path("uid").asText().equals(LOKI)) {
                problems.add(where + " › " + t.path("refId").asText() + ": query data source is not " + LOKI);
            }
            if (!t.path("expr").asText().startsWith("{")) {
                problems.add(where + " › " + t.path("refId").asText() + ": not a LogQL stream selector");
            }
        }
        return problems;
    }
}
