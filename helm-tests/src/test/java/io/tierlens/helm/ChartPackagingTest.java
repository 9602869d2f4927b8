package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's alerts/ and dashboards/ are symlinks to the repository's directories (one source of truth); Helm
 * follows them, and {@code helm package} stores the files themselves.
 */
class ChartPackagingTest {

    @Test
    void alertsAndDashboardsAreLinksToTheRepositoryDirectories() throws IOException {
        Path chart = RepoLayout.chart();
        assertThat(Files.isSymbolicLink(chart.resolve("alerts"))).isTrue();
        assertThat(Files.readSymbolicLink(chart.resolve("alerts"))).isEqualTo(Path.of("../../alerts"));
        assertThat(Files.isSymbolicLink(chart.resolve("dashboards"))).isTrue();
        assertThat(Files.readSymbolicLink(chart.resolve("dashboards"))).isEqualTo(Path.of("../../dashboards"));
        assertThat(chart.resolve("alerts").toRealPath())
                .isEqualTo(RepoLayout.alerts().toRealPath());
        assertThat(chart.resolve("dashboards").toRealPath())
                .isEqualTo(RepoLayout.dashboards().toRealPath());
    }

    @Test
    void thePackageHoldsTheRuleAndDashboardFilesThemselvesAndNothingElseOfThoseDirectories(@TempDir Path temp)
            throws IOException {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp.resolve("chart"));
        Map<String, byte[]> entries = packageEntries(content.chart().dir(), temp.resolve("out"));

        for (Path f : RepoLayout.files(content.alerts(), ".rules.yaml")) {
            assertThat(entries.get("tierlens/alerts/" + f.getFileName()))
                    .as("%s", f)
                    .isEqualTo(Files.readAllBytes(f));
        }
        for (Path f : RepoLayout.files(content.dashboards(), ".json")) {
            assertThat(entries.get("tierlens/dashboards/" + f.getFileName()))
                    .as("%s", f)
                    .isEqualTo(Files.readAllBytes(f));
        }
        assertThat(entries.keySet())
                .contains("tierlens/Chart.yaml", "tierlens/values.yaml", "tierlens/values.schema.json")
                .noneMatch(n -> n.startsWith("tierlens/alerts/tests/"))
                .noneMatch(n -> n.startsWith("tierlens/ci/"))
                .noneMatch(n -> n.endsWith(".gitkeep"))
                .noneMatch(n -> n.matches("tierlens/dashboards/.+/.+"));
    }

    @Test
    void theRepositoryChartPackages(@TempDir Path temp) throws IOException {
        Map<String, byte[]> entries = packageEntries(RepoLayout.chart(), temp);
        assertThat(entries.keySet()).contains("tierlens/templates/workload.yaml", "tierlens/templates/NOTES.txt");
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("tierlens/alerts/") && n.endsWith(".rules.yaml")))
                .hasSize(RepoLayout.files(RepoLayout.alerts(), ".rules.yaml").size());
    }

    private static Map<String, byte[]> packageEntries(Path chart, Path out) throws IOException {
        Files.createDirectories(out);
        new Helm(chart).packageIt().withDestination(out).call();
        Path tgz = out.resolve("tierlens-0.1.0.tgz");
        assertThat(tgz).exists();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            return untar(in);
        }
    }

    /** Regular files of a ustar archive (what Helm writes), by name. */
    static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(
                    field(header, 124, 12).trim().isEmpty()
                            ? "0"
                            : field(header, 124, 12).trim(),
                    8);
            byte type = header[156];
            byte[] data = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (type == '0' || type == 0) {
                out.put(prefix.isEmpty() ? name : prefix + "/" + name, data);
            }
        }
        return out;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
