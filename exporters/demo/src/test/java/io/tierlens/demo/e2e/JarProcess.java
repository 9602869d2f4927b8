package io.tierlens.demo.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A packaged jar (the demo's or the production one) started as a real process on a free port, as a user would. */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The demo jar, {@code exporters/demo/target/tierlens-demo.jar}. */
    static JarProcess start(List<String> jvmFlags, String... args) throws IOException {
        return start(System.getProperty("tierlens.demo.jar", "target/tierlens-demo.jar"), jvmFlags, args);
    }

    /**
     * The production jar, {@code exporters/app/target/tierlens.jar}: the reactor builds the app before this module, so
     * it exists when the ITs run.
     */
    static JarProcess startProduction(List<String> jvmFlags, String... args) throws IOException {
        return start(System.getProperty("tierlens.jar", "../app/target/tierlens.jar"), jvmFlags, args);
    }

    private static JarProcess start(String jar, List<String> jvmFlags, String... args) throws IOException {
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " does not exist; run `./mvnw verify` (the IT runs after package)");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        Path log = Files.createTempFile("tierlens-it", ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new JarProcess(p, log, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
