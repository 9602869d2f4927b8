package io.tierlens.contract.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.promql.GrafanaVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed dashboards of {@code dashboards/}, read back as Grafana sees them. {@link #queries} lists every
 * panel query with its variables expanded, for promtool and for the end-to-end test that runs each one against
 * a Prometheus scraping {@code tierlens demo}.
 */
public final class DashboardFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardFiles() {}

    /** One committed dashboard. */
    public record DashboardFile(Path path, JsonNode json) {
        public String uid() {
            return json.path("uid").asText();
        }

        public String title() {
            return json.path("title").asText();
        }

        /** Every panel except rows, in file order (log panels included). */
        public List<JsonNode> panels() {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : json.path("panels")) {
                if (!p.path("type").asText().equals("row")) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    /** One query of one panel. */
    public record PanelQuery(
            String file,
            String dashboardUid,
            String panelTitle,
            String refId,
            String expr,
            boolean needsExternalExporter) {
        /** The query with every variable at "All" and $__rate_interval at {@link GrafanaVariables#RATE_INTERVAL}. */
        public String expanded() {
            return GrafanaVariables.expand(expr);
        }

        public String where() {
            return file + " › " + panelTitle + " › " + refId;
        }
    }

    public static Path dir(Path root) {
        return root.resolve("dashboards");
    }

    public static List<DashboardFile> readAll(Path root) {
        try (Stream<Path> files = Files.list(dir(root))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(DashboardFiles::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir(root), e);
        }
    }

    public static DashboardFile read(Path file) {
        try {
            return new DashboardFile(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<PanelQuery> queries(Path root) {
        List<PanelQuery> out = new ArrayList<>();
        for (DashboardFile d : readAll(root)) {
            for (JsonNode panel : d.panels()) {
                if (DashboardLint.isLogs(panel)) {
                    // LogQL for the optional Loki data source: neither promtool nor Prometheus reads it
                    continue;
                }
                boolean external = needsExternalExporter(panel);
                for (JsonNode target : panel.path("targets")) {
                    out.add(new PanelQuery(
                            d.path().getFileName().toString(),
                            d.uid(),
                            panel.path("title").asText(),
                            target.path("refId").asText(),
                            target.path("expr").asText(),
                            external));
                }
            }
        }
        return out;
    }

    /**
     * Whether the panel reads a source that {@code tierlens demo} does not provide; such panels say so in their
     * description ("Requires: ...") and may be empty in the demo.
     */
    public static boolean needsExternalExporter(JsonNode panel) {
        String description = panel.path("description").asText();
        return Arrays.stream(ExternalSource.values())
                .filter(s -> !s.inDemo())
                .anyMatch(s -> description.contains(s.requirement()));
    }
}
