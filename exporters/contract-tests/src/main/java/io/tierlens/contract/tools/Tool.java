package io.tierlens.contract.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external binary the contract tests run for real (promtool, amtool, Alertmanager, and for the end-to-end test
 * Prometheus and the Pushgateway). A missing binary is an error with the command that installs it, never a skipped
 * test.
 */
public enum Tool {
    PROMTOOL("prometheus", "promtool"),
    AMTOOL("prometheus-alertmanager", "amtool"),
    // Debian names the binary prometheus-alertmanager; upstream tarballs call it alertmanager.
    ALERTMANAGER("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager"),
    PROMETHEUS("prometheus", "prometheus"),
    // Debian names the binary prometheus-pushgateway; upstream tarballs call it pushgateway.
    PUSHGATEWAY("prometheus-pushgateway", "prometheus-pushgateway", "pushgateway");

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String debianPackage;
    private final List<String> names;

    Tool(String debianPackage, String... names) {
        this.debianPackage = debianPackage;
        this.names = List.of(names);
    }

    /** The binary on the PATH, or an exception that says how to install it. */
    public Path locate() {
        return locate(Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    Path locate(String path) {
        return find(path)
                .orElseThrow(() -> new IllegalStateException(names.get(0) + " not found on the PATH ("
                        + path + "). The contract tests run the real binary; install it with: apt-get update"
                        + " && DEBIAN_FRONTEND=noninteractive apt-get install -y " + debianPackage));
    }

    Optional<Path> find(String path) {
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Output of one run. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs the tool to completion in {@code workDir}, stdout and stderr merged. */
    public Result run(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(locate().toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
