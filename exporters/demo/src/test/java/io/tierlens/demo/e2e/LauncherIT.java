package io.tierlens.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lives beside the demo's ITs for their process helper; it runs the production jar. README's {@code java -jar tierlens.jar run --config ...} with no JVM flags: the jar's launcher runs the exporter
 * in a second JVM with the serial collector and a capped heap, and that JVM goes away with the first one. With a
 * heap flag the user's choice stands and there is one JVM.
 */
class LauncherIT {
    private static final Pattern HEAP_MAX = Pattern.compile("jvm_memory_max_bytes\\{area=\"heap\"} (\\S+)");

    @TempDir
    Path dir;

    private Path config() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path config = dir.resolve("tierlens.yaml");
        Files.writeString(config, """
                regions: [eu-west-1]
                server: {host: 127.0.0.1}
                aws:
                  endpoint: http://127.0.0.1:%d
                  account_id: "111122223333"
                  max_attempts: 1
                exporters:
                  alb: {enabled: true}
                  rds: {enabled: true}
                """.formatted(closedPort));
        return config;
    }

    private static String selfMetrics(JarProcess p) throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(p.alive()).as("alive; log:\n%s", p.log()).isTrue();
                    assertThat(p.status("/-/healthy")).isEqualTo(200);
                });
        return p.get("/-/metrics/self").body();
    }

    private static double heapMax(String metrics) {
        Matcher m = HEAP_MAX.matcher(metrics);
        assertThat(m.find()).as("heap max in\n%s", metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void withoutFlagsTheExporterRunsInAChildWithTheSerialCollectorAndACappedHeap() throws Exception {
        try (JarProcess p = JarProcess.startProduction(List.of(), "run", "--config", config().toString())) {
            String metrics = selfMetrics(p);
            assertThat(metrics).contains("pool=\"Tenured Gen\"");
            assertThat(heapMax(metrics)).isLessThanOrEqualTo(256.0 * 1024 * 1024);
            List<ProcessHandle> children =
                    ProcessHandle.of(p.pid()).orElseThrow().children().toList();
            assertThat(children).hasSize(1);
            ProcessHandle child = children.get(0);

            p.close();

            // SIGTERM to the launcher stops the exporter too: no orphan JVM keeps the port
            assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(15));
        }
    }

    @Test
    void aHeapFlagKeepsOneJvmWithTheUsersChoice() throws Exception {
        try (JarProcess p = JarProcess.startProduction(List.of("-Xmx200m"), "run", "--config", config().toString())) {
            String metrics = selfMetrics(p);
            assertThat(heapMax(metrics)).isEqualTo(200.0 * 1024 * 1024);
            assertThat(ProcessHandle.of(p.pid()).orElseThrow().children().toList())
                    .isEmpty();
        }
    }
}
