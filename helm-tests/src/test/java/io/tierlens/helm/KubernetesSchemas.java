package io.tierlens.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JSON schemas of the npm packages {@code kubernetes-models} and {@code @kubernetes-models/prometheus-operator},
 * run by Node over rendered objects. They check what fabric8's typed models let through (a string where an integer
 * belongs, a value outside an enum, a missing required field); {@link UnknownFields} checks the misspelt keys the
 * schemas allow. The packages are installed once with npm into a cache directory outside {@code target/} (only the
 * npm registry is contacted); Node and npm must be on the PATH, as for the other real tools of the tests.
 */
final class KubernetesSchemas {
    /** kubernetes-models stops at 5.1.0 on npm; the prometheus-operator models are at 6.0.0. */
    static final List<String> PACKAGES =
            List.of("kubernetes-models@5.1.0", "@kubernetes-models/prometheus-operator@6.0.0");

    private static final Path CACHE = Path.of(System.getProperty(
            "tierlens.npm.cache",
            Path.of(System.getProperty("java.io.tmpdir"), "tierlens-npm-kubernetes-models-5.1.0-6.0.0")
                    .toString()));

    private KubernetesSchemas() {}

    /** Validates the objects; the result lists every invalid one. */
    static Result validate(List<Source> objects) {
        Path script = install();
        ArrayNode input = Manifests.JSON.createArrayNode();
        for (Source s : objects) {
            input.addObject().put("source", s.source()).set("object", s.object());
        }
        try {
            Path in = Files.createTempFile("objects-", ".json");
            try {
                Files.writeString(in, Manifests.JSON.writeValueAsString(input));
                Process node = new ProcessBuilder("node", script.toString())
                        .redirectInput(in.toFile())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!node.waitFor(120, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                    throw new IllegalStateException("node did not finish validating in 120 s:\n" + out);
                }
                return new Result(node.exitValue(), out);
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Source(String source, JsonNode object) {}

    record Result(int exitCode, String output) {
        boolean valid() {
            return exitCode == 0;
        }
    }

    /** The validation script inside the cache, next to its node_modules, installing the packages if needed. */
    private static synchronized Path install() {
        try {
            Files.createDirectories(CACHE);
            if (!Files.exists(CACHE.resolve("node_modules/@kubernetes-models/prometheus-operator/package.json"))
                    || !Files.exists(CACHE.resolve("node_modules/kubernetes-models/package.json"))) {
                List<String> command = new ArrayList<>(
                        List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", CACHE.toString()));
                command.addAll(PACKAGES);
                Process npm = new ProcessBuilder(command)
                        .directory(CACHE.toFile())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm install " + PACKAGES + " failed:\n" + out);
                }
            }
            // beside node_modules, so Node resolves the packages from the script's own directory
            Path script = CACHE.resolve("validate.mjs");
            try (InputStream in = KubernetesSchemas.class.getResourceAsStream("/npm/validate.mjs")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            return script;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run npm (Node 18+ and npm must be on the PATH; scripts/test.sh installs them): "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
