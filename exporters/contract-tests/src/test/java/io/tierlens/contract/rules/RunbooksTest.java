package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.dashboards.DashboardFiles;
import io.tierlens.contract.dashboards.DashboardFiles.DashboardFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * alerts/runbooks.md has one section per alert (meaning, impact, diagnosis, mitigation), and every dashboard
 * panel it points at ("**002 AWS Infrastructure › Storage**") exists.
 */
class RunbooksTest {
    private static final Pattern PANEL_REF = Pattern.compile("\\*\\*(\\d{3}) ([^*›]+?) › ([^*]+?)\\*\\*");
    private final Path root = RepoRoot.get();

    @Test
    void oneSectionPerAlertWithTheFourParts() throws IOException {
        Map<String, String> sections = sections();
        Set<String> alerts = new HashSet<>();
        RuleFiles.readAll(root)
                .forEach(f -> f.alerts().forEach(r -> alerts.add(r.alert().get())));
        assertThat(sections.keySet()).containsExactlyInAnyOrderElementsOf(alerts);
        sections.forEach((alert, text) -> {
            for (String part : List.of("**Meaning.**", "**Impact.**", "**Diagnosis.**", "**Mitigation.**")) {
                assertThat(text).as("%s: %s", alert, part).contains(part);
            }
            String diagnosis = text.substring(text.indexOf("**Diagnosis.**"), text.indexOf("**Mitigation.**"));
            assertThat(PANEL_REF.matcher(diagnosis).find())
                    .as("%s: the diagnosis names a dashboard panel", alert)
                    .isTrue();
        });
    }

    @Test
    void everyReferencedPanelExists() throws IOException {
        Map<String, Set<String>> panelsByDashboard = new HashMap<>();
        for (DashboardFile d : DashboardFiles.readAll(root)) {
            Set<String> titles = new HashSet<>();
            d.panels().forEach(p -> titles.add(p.path("title").asText()));
            panelsByDashboard.put(d.title().replaceFirst("^tierlens / ", ""), titles);
        }
        String text = Files.readString(RuleFiles.alertsDir(root).resolve("runbooks.md"));
        List<String> missing = new ArrayList<>();
        Matcher m = PANEL_REF.matcher(text);
        int references = 0;
        while (m.find()) {
            references++;
            String dashboard = m.group(1) + " " + m.group(2).replaceAll("\\s+", " ");
            String panel = m.group(3).replaceAll("\\s+", " ");
            if (!panelsByDashboard.getOrDefault(dashboard, Set.of()).contains(panel)) {
                missing.add(dashboard + " › " + panel);
            }
        }
        assertThat(references).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    /** "### TierlensAlbErrorBudgetBurnFast" to the text up to the next heading. */
    private Map<String, String> sections() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(RuleFiles.alertsDir(root).resolve("runbooks.md"))) {
            if (line.startsWith("#")) {
                if (current != null) {
                    out.put(current, text.toString());
                }
                current = line.startsWith("### ") ? line.substring(4).trim() : null;
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, text.toString());
        }
        return out;
    }
}
