package io.tierlens.contract.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources a real cluster has and the demo does not: Spring Boot WAS pods (Micrometer), kube-state-metrics and the
 * Argo Rollouts controller, each a JDK {@link HttpServer} on a free port serving a few lines of static exposition
 * from {@code src/test/resources/e2e/<name>.prom} (a sample value {@code rate:R} grows R per second, {@code ago:S}
 * / {@code in:S} is a Unix time S seconds before / after now, so counters move and timestamps stay recent). A target
 * can be {@linkplain #takeDown taken down}: it then answers 503, so Prometheus records {@code up 0} as for a dead pod.
 */
final class FakeTargets implements AutoCloseable {
    /** Fake targets by name: the Prometheus job each belongs to, and its resource. */
    record Target(String name, String job, int port) {}

    private final Clock clock = Clock.systemUTC();
    private final Instant started = clock.instant();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();

    /** Starts one server per {@code name → job}; names are resources {@code e2e/<name>.prom}. */
    static FakeTargets start(Map<String, String> jobByName) throws IOException {
        FakeTargets f = new FakeTargets();
        for (Map.Entry<String, String> e : jobByName.entrySet()) {
            String text = resource(e.getKey());
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", x -> f.serve(x, e.getKey(), text));
            server.start();
            f.servers.add(server);
            f.targets.put(
                    e.getKey(),
                    new Target(e.getKey(), e.getValue(), server.getAddress().getPort()));
        }
        return f;
    }

    private static String resource(String name) {
        try (InputStream in = FakeTargets.class.getResourceAsStream("/e2e/" + name + ".prom")) {
            if (in == null) {
                throw new IllegalStateException("test resource e2e/" + name + ".prom missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Target> targets() {
        return List.copyOf(targets.values());
    }

    /** The dead pod: every scrape of {@code name} fails from now on. */
    void takeDown(String name) {
        if (!targets.containsKey(name)) {
            throw new IllegalArgumentException("no fake target " + name);
        }
        down.put(name, true);
    }

    private void serve(HttpExchange x, String name, String template) throws IOException {
        try (x) {
            if (down.getOrDefault(name, false)) {
                x.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = render(template, started, clock.instant()).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The exposition at {@code now}: every {@code rate:}, {@code ago:} and {@code in:} value replaced by a number. */
    static String render(String template, Instant started, Instant now) {
        StringBuilder out = new StringBuilder();
        double elapsed = (now.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        double nowSeconds = now.toEpochMilli() / 1000.0;
        for (String line : template.lines().toList()) {
            int space = line.lastIndexOf(' ');
            if (line.startsWith("#") || space < 0) {
                out.append(line).append('\n');
                continue;
            }
            String value = line.substring(space + 1);
            double v;
            if (value.startsWith("rate:")) {
                v = Double.parseDouble(value.substring(5)) * elapsed;
            } else if (value.startsWith("ago:")) {
                v = nowSeconds - Double.parseDouble(value.substring(4));
            } else if (value.startsWith("in:")) {
                v = nowSeconds + Double.parseDouble(value.substring(3));
            } else {
                out.append(line).append('\n');
                continue;
            }
            out.append(line, 0, space + 1).append(v).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
