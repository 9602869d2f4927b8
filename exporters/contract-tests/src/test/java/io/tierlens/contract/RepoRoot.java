package io.tierlens.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root the tests read dashboards/, alerts/ and docs/ from (set by the module's pom). */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path get() {
        Path root = Path.of(System.getProperty("tierlens.root", "../.."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(root.resolve("alerts")) || !Files.isDirectory(root.resolve("dashboards"))) {
            throw new IllegalStateException("not the tierlens repository root: " + root);
        }
        return root;
    }
}
