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
 * {@code java -jar tierlens-demo.jar demo} as a user runs it, started so that the ALB's CloudWatch datapoints fall into
 * the scenario's 5xx burst.
 *
 * <p>Why the start is timed: the demo's CloudWatch has a 60 s period aligned to the minute, and a simulated
 * datapoint is the scenario at its period's start. At {@code --speed 30} one period is one 30-minute cycle, so every
 * datapoint samples the same position of the cycle, fixed by the second of the minute the scenario started in: only
 * a start 16–28 s before a full minute puts that position inside the burst (scenario minutes 8–14). This class
 * aims for 18–26 s, reads the real start from the demo's log and starts again when it missed.
 */
final class DemoProcess implements AutoCloseable {
    static final double SPEED = 30;
    static final int SCALE = 2;

    /**
     * Real time from the scenario start to the next full minute to aim for: 18–26 s × 30 puts the sampled position at
     * scenario minute 9–13, a minute inside the burst's edges.
     */
    private static final Duration AIM_EARLIEST = Duration.ofSeconds(18);

    private static final Duration AIM_LATEST = Duration.ofSeconds(26);
    /** Scenario time the sampled position must keep from the burst's edges: a clock or log rounding error. */
    private static final Duration EDGE_MARGIN = Duration.ofSeconds(30);

    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPORTER_UP = Pattern.compile("(?m)^tierlens_exporter_up\\{exporter=\"([^\"]+)\"}");

    private final LocalProcess process;
    private final Scenario scenario;
    private final URI base;
    private final Path faultFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DemoProcess(LocalProcess process, Scenario scenario, URI base, Path faultFile) {
        this.process = process;
        this.scenario = scenario;
        this.base = base;
        this.faultFile = faultFile;
    }

    /** {@code exporters/demo/target/tierlens-demo.jar}, the demo binary. */
    static Path jar(Path root) {
        return built(root, "exporters/demo/target/tierlens-demo.jar", "exporters/demo");
    }

    /** {@code exporters/app/target/tierlens.jar}, the production binary ({@code run-job} pushes the batch runs). */
    static Path productionJar(Path root) {
        return built(root, "exporters/app/target/tierlens.jar", "exporters/app");
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

    /** Starts the demo on {@code port}, ready to serve, its ALB datapoints inside the burst. */
    static DemoProcess start(Path jar, int port, Path workDir) throws IOException, InterruptedException {
        Duration startup = Duration.ofMillis(1500);
        // the demo's --fault-file: absent until a test takes a source away
        Path faultFile = workDir.resolve("demo-faults");
        Files.deleteIfExists(faultFile);
        List<String> misses = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant launch = nextLaunch(Instant.now(), startup);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), launch).toMillis()));
            launch = Instant.now();
            LocalProcess p = LocalProcess.start(
                    "tierlens-demo-" + attempt,
                    java(
                            jar,
                            "demo",
                            "--speed",
                            Double.toString(SPEED),
                            "--scale",
                            Integer.toString(SCALE),
                            "--port",
                            Integer.toString(port),
                            "--log-format",
                            "json",
                            "--fault-file",
                            faultFile.toString()),
                    workDir);
            URI base = URI.create("http://127.0.0.1:" + port);
            Instant start;
            Scenario scenario;
            try {
                p.awaitOk(base.resolve("/-/ready"), Duration.ofSeconds(90));
                start = scenarioStart(p);
                scenario = new Scenario(Clock.systemUTC(), start, SPEED, SCALE);
            } catch (IOException | RuntimeException e) {
                p.close();
                throw e;
            }
            if (samplesTheBurst(scenario)) {
                return new DemoProcess(p, scenario, base, faultFile);
            }
            misses.add("attempt " + attempt + ": scenario started " + start + ", datapoints at cycle minute "
                    + scenario.inCycle(firstPeriodStart(start)).toSeconds() / 60.0);
            p.close();
            startup = Duration.between(launch, start);
        }
        throw new IllegalStateException("could not start the demo so that its CloudWatch datapoints sample the 5xx"
                + " burst (see DemoProcess):\n" + String.join("\n", misses));
    }

    /**
     * The first instant from {@code now} on to launch at so that the scenario, {@code startup} after the launch,
     * starts {@link #AIM_EARLIEST}–{@link #AIM_LATEST} before a full minute; now if that already fits.
     */
    static Instant nextLaunch(Instant now, Duration startup) {
        long minute = 60_000;
        long start = now.plus(startup).toEpochMilli();
        long beforeMinute = Math.floorMod(-start, minute);
        if (beforeMinute >= AIM_EARLIEST.toMillis() && beforeMinute <= AIM_LATEST.toMillis()) {
            return now;
        }
        return now.plusMillis(Math.floorMod(beforeMinute - AIM_LATEST.toMillis(), minute));
    }

    /** Start of the first CloudWatch period after the scenario started: datapoints before it sample minute 0. */
    static Instant firstPeriodStart(Instant scenarioStart) {
        long minute = 60_000;
        return Instant.ofEpochMilli(Math.floorDiv(scenarioStart.toEpochMilli() + minute - 1, minute) * minute);
    }

    /** Whether the datapoints from the first period after the start on sample the burst, away from its edges. */
    static boolean samplesTheBurst(Scenario scenario) {
        Duration at = scenario.inCycle(firstPeriodStart(scenario.realStart()));
        return at.compareTo(Scenario.ERROR_BURST_START.plus(EDGE_MARGIN)) >= 0
                && at.compareTo(Scenario.ERROR_BURST_END.minus(EDGE_MARGIN)) < 0
                // the same position in every later period: the period is a whole number of cycles
                && Duration.ofMinutes(1).toMillis() * (long) SPEED % Scenario.CYCLE.toMillis() == 0;
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
