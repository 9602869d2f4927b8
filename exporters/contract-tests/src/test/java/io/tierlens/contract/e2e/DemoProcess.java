package io.tierlens.contract.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.demo.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar tierlens-demo.jar demo --speed 30} as a user runs it, with its read-only Pushgateway on a free
 * port and a fault file the test can write.
 *
 * <p>The start is not timed: a simulated CloudWatch datapoint is the scenario averaged over its period (issue 15), so
 * at {@code --speed 30} every 60 s datapoint after the start holds a whole cycle, 5xx burst included, whatever the
 * launch second. {@link #historyServedUntil} and {@link #averagedServedFrom} say which datapoints are served when.
 */
final class DemoProcess implements AutoCloseable {
    static final double SPEED = 30;
    static final int SCALE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPORTER_UP = Pattern.compile("(?m)^tierlens_exporter_up\\{exporter=\"([^\"]+)\"}");

    private final LocalProcess process;
    private final Scenario scenario;
    private final URI base;
    private final Path faultFile;
    private final int pushgatewayPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DemoProcess(LocalProcess process, Scenario scenario, URI base, Path faultFile, int pushgatewayPort) {
        this.process = process;
        this.scenario = scenario;
        this.base = base;
        this.faultFile = faultFile;
        this.pushgatewayPort = pushgatewayPort;
    }

    /** {@code exporters/demo/target/tierlens-demo.jar}, the demo binary. */
    static Path jar(Path root) {
        return built(root, "exporters/demo/target/tierlens-demo.jar", "exporters/demo");
    }

    private static Path built(Path root, String path, String module) {
        Path jar = root.resolve(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build " + module + " in the same reactor first,"
                    + " e.g. mvn -B verify -pl exporters/demo,exporters/contract-tests -am");
        }
        return jar;
    }

    static List<String> java(Path jar, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        // C1 only, as the Dockerfile runs it: on two busy cores C2 stretches startup to seconds
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the demo on {@code port} (its Pushgateway on {@code pushgatewayPort}), ready to serve. */
    static DemoProcess start(Path jar, int port, int pushgatewayPort, Path workDir)
            throws IOException, InterruptedException {
        // the demo's --fault-file: absent until a test takes a source away
        Path faultFile = workDir.resolve("demo-faults");
        Files.deleteIfExists(faultFile);
        LocalProcess p = LocalProcess.start(
                "tierlens-demo",
                java(
                        jar,
                        "demo",
                        "--speed",
                        Double.toString(SPEED),
                        "--scale",
                        Integer.toString(SCALE),
                        "--port",
                        Integer.toString(port),
                        "--pushgateway-port",
                        Integer.toString(pushgatewayPort),
                        "--log-format",
                        "json",
                        "--fault-file",
                        faultFile.toString()),
                workDir);
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            p.awaitOk(base.resolve("/-/ready"), Duration.ofSeconds(90));
            Scenario scenario = new Scenario(Clock.systemUTC(), scenarioStart(p), SPEED, SCALE);
            return new DemoProcess(p, scenario, base, faultFile, pushgatewayPort);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** Start of the CloudWatch period (60 s, aligned to the minute) that contains {@code at}. */
    static Instant periodStart(Instant at) {
        long minute = 60_000;
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), minute) * minute);
    }

    /**
     * Until then the ALB and RDS exporters serve datapoints of periods that ended before the scenario started (the calm
     * story before the start): the period containing the start is published a period plus the demo's 60 s delay
     * after its own start.
     */
    static Instant historyServedUntil(Instant scenarioStart) {
        return periodStart(scenarioStart).plusSeconds(120);
    }

    /**
     * From then on (plus an exporter refresh) every datapoint served is a whole period after the start: at --speed 30 a
     * full cycle, 5xx burst included. The first whole period after the start ends 120 s after the start's period
     * began; the ALB's alerting class serves a period at most 3 minutes after it ended (the 60 s delay plus its
     * 2-minute fetch interval: {@code tierlens plan} prints "lag 2m-3m", docs/cloudwatch-cost.md).
     */
    static Instant averagedServedFrom(Instant scenarioStart) {
        return periodStart(scenarioStart).plusSeconds(120 + 180);
    }

    /** The scenario's start, from the "DEMO MODE" line the demo logs right after creating its scenario clock. */
    private static Instant scenarioStart(LocalProcess p) throws IOException {
        for (String line : p.log().lines().toList()) {
            if (line.contains("DEMO MODE")) {
                JsonNode json = JSON.readTree(line);
                return Instant.parse(json.path("time").asText());
            }
        }
        throw new IllegalStateException("the demo logged no \"DEMO MODE\" line:\n" + p.log());
    }

    Scenario scenario() {
        return scenario;
    }

    LocalProcess process() {
        return process;
    }

    int pushgatewayPort() {
        return pushgatewayPort;
    }

    /**
     * Takes exactly {@code sources} ({@code aws}, {@code redis}) away through the demo's fault file; none brings
     * everything back. The demo reads the file every second. Written whole and moved into place, so the demo never
     * reads half a file.
     */
    void takeAway(String... sources) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String s : sources) {
            text.append(s).append("=down\n");
        }
        Path tmp = faultFile.resolveSibling(faultFile.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, faultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The HTTP status of {@code GET path} on the demo, or -1 when it does not answer within 10 s. */
    int status(String path) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve("/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET /metrics: HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** The exporters the demo runs: the {@code exporter} labels of {@code tierlens_exporter_up}. */
    Set<String> exporters() throws IOException, InterruptedException {
        return exportersIn(metrics());
    }

    static Set<String> exportersIn(String exposition) {
        Set<String> out = new TreeSet<>();
        Matcher m = EXPORTER_UP.matcher(exposition);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
