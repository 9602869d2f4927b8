package io.tierlens.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies of the chart for what the repository's chart directory cannot show by itself: a lint with other values
 * (helm-java's lint takes no values file) and rendering rules and dashboards before the real ones exist.
 */
final class ChartFixtures {
    private ChartFixtures() {}

    /** The chart with the rules and dashboards that {@link #alerts()} and {@link #dashboards()} name. */
    record ContentChart(Chart chart, Path alerts, Path dashboards) {}

    /** The repository's alerts/ when it has rule files, else the test fixtures (see fixtures/README.md). */
    static Path alerts() {
        return RepoLayout.files(RepoLayout.alerts(), ".rules.yaml").isEmpty()
                ? RepoLayout.fixtures().resolve("alerts")
                : RepoLayout.alerts();
    }

    /** The repository's dashboards/ when it has dashboards, else the test fixtures. */
    static Path dashboards() {
        return RepoLayout.files(RepoLayout.dashboards(), ".json").isEmpty()
                ? RepoLayout.fixtures().resolve("dashboards")
                : RepoLayout.dashboards();
    }

    static boolean realDashboards() {
        return dashboards().equals(RepoLayout.dashboards());
    }

    /** The repository's chart itself once alerts and dashboards exist; until then a copy linked to fixtures. */
    static ContentChart withContent(Path temp) {
        Path alerts = alerts();
        Path dashboards = dashboards();
        if (alerts.equals(RepoLayout.alerts()) && dashboards.equals(RepoLayout.dashboards())) {
            return new ContentChart(Chart.repository(), alerts, dashboards);
        }
        return new ContentChart(new Chart(stage(temp, alerts, dashboards, null)), alerts, dashboards);
    }

    /**
     * A copy of the repository's layout in {@code temp}: helm/tierlens with its own relative symlinks, and beside it
     * copies of the given alerts and dashboards directories, which those symlinks reach. If {@code values} is given,
     * the copy's values.yaml is the chart's own with {@code values} merged over it the way Helm merges a values file
     * (maps key by key, everything else replaced, null deletes).
     */
    static Path stage(Path temp, Path alerts, Path dashboards, JsonNode values) {
        Path source = RepoLayout.chart();
        Path repo = temp.resolve("repo");
        Path target = repo.resolve("helm/tierlens");
        try {
            copyTree(source, target, Set.of("ci"));
            copyTree(alerts, repo.resolve("alerts"), Set.of());
            copyTree(dashboards, repo.resolve("dashboards"), Set.of());
            if (values != null) {
                JsonNode merged = merge(
                        Manifests.YAML.readTree(source.resolve("values.yaml").toFile()), values);
                Manifests.YAML.writeValue(target.resolve("values.yaml").toFile(), merged);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The annotation key hooks carry in {@link #stageWithHooksAsManifests}. */
    static final String HOOK = "hook.tierlens.test/helm.sh-hook";

    /**
     * A staged chart whose hooks render as ordinary objects: helm-java's template returns the release manifest only,
     * without the hooks (the {@code helm test} pod), so the copy renames their {@code helm.sh/hook} annotations to
     * {@link #HOOK}, and nothing else.
     */
    static Path stageWithHooksAsManifests(Path temp) {
        Path chart = stage(temp, RepoLayout.alerts(), RepoLayout.dashboards(), null);
        try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Files.writeString(f, text.replace("helm.sh/hook:", HOOK + ":"));
            }
            return chart;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree; symbolic links are copied as links, not followed. */
    private static void copyTree(Path source, Path target, Set<String> skip) throws IOException {
        Files.createDirectories(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(dir);
                if (skip.contains(rel.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode b) || !over.isObject()) {
            return over;
        }
        ObjectNode out = b.deepCopy();
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else if (out.has(e.getKey())) {
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
