package io.tierlens.pushgateway.testing;

import java.io.File;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Pushgateway (Debian's {@code prometheus-pushgateway}) on a free port with a temporary persistence file.
 * A missing binary fails the test with the command that installs it: these tests are about the real thing.
 */
public final class PushgatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final Path log;
    private final URI url;
    private final Optional<String> authorization;

    private PushgatewayProcess(Process process, Path dir, Path log, URI url, Optional<String> authorization) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.url = url;
        this.authorization = authorization;
    }

    public static PushgatewayProcess start() throws IOException, InterruptedException {
        return start("");
    }

    /**
     * Served below {@code routePrefix} (e.g. {@code /pushgateway}, as behind a path-routing ingress); {@link #url()}
     * includes it.
     */
    public static PushgatewayProcess start(String routePrefix) throws IOException, InterruptedException {
        return start(routePrefix, Optional.empty());
    }

    /**
     * Behind the Pushgateway's own basic auth ({@code --web.config.file} with {@code basic_auth_users}): every
     * request without these credentials is answered 401.
     *
     * @param bcryptHash the password's bcrypt hash, as the web config file holds it
     */
    public static PushgatewayProcess startWithBasicAuth(String user, String password, String bcryptHash)
            throws IOException, InterruptedException {
        return start("", Optional.of(new String[] {user, password, bcryptHash}));
    }

    private static PushgatewayProcess start(String routePrefix, Optional<String[]> basicAuth)
            throws IOException, InterruptedException {
        String binary = binary().orElseThrow(
                        () -> new AssertionError("the Pushgateway binary was not found on PATH (looked for"
                                + " prometheus-pushgateway and pushgateway, and $PUSHGATEWAY_BIN). Install it with: apt-get"
                                + " update && DEBIAN_FRONTEND=noninteractive apt-get install -y prometheus-pushgateway"
                                + " (scripts/test.sh does this)"));
        Path dir = Files.createTempDirectory("tierlens-pushgateway");
        Path log = dir.resolve("pushgateway.log");
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + routePrefix);
        List<String> command = new java.util.ArrayList<>(List.of(
                binary,
                "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + dir.resolve("persistence.db"),
                "--persistence.interval=1s"));
        if (!routePrefix.isEmpty()) {
            command.add("--web.route-prefix=" + routePrefix);
        }
        Optional<String> authorization = Optional.empty();
        if (basicAuth.isPresent()) {
            String[] a = basicAuth.get();
            Path webConfig = dir.resolve("web-config.yml");
            Files.writeString(webConfig, "basic_auth_users:\n  " + a[0] + ": '" + a[2] + "'\n");
            command.add("--web.config.file=" + webConfig);
            authorization = Optional.of("Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((a[0] + ":" + a[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PushgatewayProcess pg = new PushgatewayProcess(p, dir, log, url, authorization);
        pg.awaitReady();
        return pg;
    }

    public URI url() {
        return url;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(15);
        String lastError = "";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the Pushgateway exited at start:\n" + log());
            }
            try {
                HttpRequest.Builder ready =
                        HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(1));
                authorization.ifPresent(a -> ready.header("Authorization", a));
                HttpResponse<Void> r = http.send(ready.build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                lastError = e.toString(); // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("the Pushgateway did not become ready within 15s (" + lastError + "):\n" + log());
    }

    private static Optional<String> binary() {
        String env = System.getenv("PUSHGATEWAY_BIN");
        if (env != null && new File(env).canExecute()) {
            return Optional.of(env);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : List.of("prometheus-pushgateway", "pushgateway")) {
            for (String d : path.split(File.pathSeparator)) {
                File f = new File(d, name);
                if (f.canExecute()) {
                    return Optional.of(f.getPath());
                }
            }
        }
        return Optional.empty();
    }

    /** A port that was free a moment ago (the Pushgateway binds it right after). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
