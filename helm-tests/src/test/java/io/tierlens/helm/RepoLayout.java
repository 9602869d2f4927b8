package io.tierlens.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files under test live in the repository. */
final class RepoLayout {
    private RepoLayout() {}

    /** The repository root: Maven passes it as tierlens.repo; otherwise the first parent with the chart. */
    static Path root() {
        String property = System.getProperty("tierlens.repo");
        if (property != null && Files.isRegularFile(Path.of(property, "helm", "tierlens", "Chart.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("helm/tierlens/Chart.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (helm/tierlens/Chart.yaml) above "
                + Path.of("").toAbsolutePath());
    }

    static Path chart() {
        return root().resolve("helm/tierlens");
    }

    static Path alerts() {
        return root().resolve("alerts");
    }

    static Path dashboards() {
        return root().resolve("dashboards");
    }

    static Path fixtures() {
        return root().resolve("helm-tests/src/test/resources/fixtures");
    }

    /** The files of {@code dir} (not of its subdirectories) whose names end with {@code suffix}, sorted. */
    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
