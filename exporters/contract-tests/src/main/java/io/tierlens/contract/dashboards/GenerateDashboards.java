package io.tierlens.contract.dashboards;

import io.tierlens.contract.dashboards.definitions.Dashboards;
import io.tierlens.contract.dashboards.model.Dashboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the dashboards into {@code dashboards/}. Run through the test that checks the committed files:
 * {@code mvn -o test -pl exporters/contract-tests -Dtest=DashboardsUpToDateTest -Dtierlens.dashboards.write=true}.
 */
public final class GenerateDashboards {
    private GenerateDashboards() {}

    /** File name to content for every dashboard. */
    public static Map<String, String> render() {
        DashboardJson json = new DashboardJson();
        Map<String, String> files = new LinkedHashMap<>();
        for (Dashboard d : Dashboards.all()) {
            files.put(d.fileName(), json.write(d));
        }
        return files;
    }

    public static void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : render().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "dashboards");
        writeTo(dir);
        System.out.println("wrote " + render().size() + " dashboards to " + dir.toAbsolutePath());
    }
}
