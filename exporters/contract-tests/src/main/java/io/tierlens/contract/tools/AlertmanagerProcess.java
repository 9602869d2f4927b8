package io.tierlens.contract.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Alertmanager on a free local port with a given configuration, clustering off, its state in a temporary
 * directory. Closing it stops the process this class started, and nothing else.
 */
public final class AlertmanagerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    public static AlertmanagerProcess start(Path config, Path workDir) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(
                        Tool.ALERTMANAGER.locate().toString(),
                        "--config.file=" + config.toAbsolutePath(),
                        "--storage.path=" + Files.createDirectories(workDir.resolve("data")),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, URI.create("http://127.0.0.1:" + port), log);
        am.awaitReady();
        return am;
    }

    /** Posts alerts (label sets) that started now and have no end. */
    public void post(List<Map<String, String>> labelSets) throws IOException, InterruptedException {
        List<Map<String, Object>> alerts = labelSets.stream()
                .map(labels -> Map.<String, Object>of(
                        "labels", labels, "startsAt", Instant.now().toString()))
                .toList();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v2/alerts: " + response.statusCode() + " " + response.body());
        }
    }

    /** The alerts Alertmanager holds, with their status (state, inhibitedBy). */
    public JsonNode alerts() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(base.resolve("/-/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet: the loop retries until the deadline
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Alertmanager not ready within " + START_TIMEOUT + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
