package io.tierlens.demo.batch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tierlens.pushgateway.model.PushedGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's Pushgateway: a read-only HTTP server that answers the two reads of a real Pushgateway with what
 * {@code tierlens run-job} would have left there after the {@link NightlyJobStory}'s runs, so a plain demo has batch
 * data without running a Pushgateway:
 *
 * <ul>
 *   <li>{@code GET /metrics}: the groups in the text exposition format with {@code push_time_seconds} and
 *       {@code push_failure_time_seconds}, as Prometheus scrapes a Pushgateway (dashboard 010, the job alerts);
 *   <li>{@code GET /api/v1/metrics}: the JSON the DR exporter's production Pushgateway client reads (the RPO of the
 *       dump to the DR site, the drill's RTO).
 * </ul>
 *
 * Pushes are refused (405): the groups follow the scenario clock, not what is pushed. The rendering is in
 * {@link PushgatewayFormats}.
 */
public final class DemoPushgateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoPushgateway.class);

    private final NightlyJobStory story;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoPushgateway(NightlyJobStory story, Clock clock, HttpServer server, ExecutorService executor) {
        this.story = story;
        this.clock = clock;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code port} of every interface (0: a free port). */
    public static DemoPushgateway start(NightlyJobStory story, Clock clock, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        // one thread: a scrape every few seconds and the DR exporter's read are all that arrive
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-pushgateway");
            t.setDaemon(true);
            return t;
        });
        DemoPushgateway pg = new DemoPushgateway(story, clock, server, executor);
        server.createContext("/", pg::handle);
        server.setExecutor(executor);
        server.start();
        log.info("demo Pushgateway (read-only, the simulated batch jobs) on port {}", pg.port());
        return pg;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the demo's own exporters read it at. */
    public URI localUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(
                        exchange,
                        405,
                        "text/plain",
                        "the demo's Pushgateway is read-only: its groups follow the scenario (docs/demo.md)\n");
                return;
            }
            List<PushedGroup> groups = story.pushedGroups(clock.instant());
            switch (path) {
                case "/metrics" -> send(exchange, 200, PushgatewayFormats.TEXT, PushgatewayFormats.text(groups));
                case "/api/v1/metrics" -> send(exchange, 200, "application/json", PushgatewayFormats.json(groups));
                case "/-/healthy", "/-/ready" -> send(exchange, 200, "text/plain", "OK\n");
                default -> send(exchange, 404, "text/plain", "not found\n");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of(type)));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
