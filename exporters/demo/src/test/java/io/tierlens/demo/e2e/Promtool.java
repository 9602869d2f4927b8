package io.tierlens.demo.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' own {@code promtool} (Debian package {@code prometheus}), the judge of exposition format. */
final class Promtool {
    private Promtool() {}

    /** Output of {@code promtool check metrics} on {@code exposition}; empty means no complaint. */
    static String checkMetrics(String exposition) throws IOException, InterruptedException {
        Path in = Files.createTempFile("metrics", ".txt");
        Files.writeString(in, exposition, StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectInput(in.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "promtool not found: install Debian package 'prometheus' (scripts/test.sh does this)", e);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool check metrics did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out.trim() : ("exit " + p.exitValue() + ": " + out).trim();
    }
}
