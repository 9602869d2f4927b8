package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every path the Prometheus HTTP server does not own: {@code /-/ready}, {@code /-/reload} and a small
 * landing page. client_java 1.5 has no call to add a context, so this is installed as its default handler.
 */
final class ControlHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ControlHandler.class);

    private final Supplier<List<String>> notReady;
    private final Supplier<ReloadOutcome> reload;
    private final String landingPage;
    private final MetricsEndpoint metrics;

    ControlHandler(
            Supplier<List<String>> notReady,
            Supplier<ReloadOutcome> reload,
            String landingPage,
            MetricsEndpoint metrics) {
        this.notReady = notReady;
        this.reload = reload;
        this.landingPage = landingPage;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                dispatch(exchange, path, method);
            } catch (RuntimeException e) {
                // Without an answer the JDK server just drops the connection, and the caller of
                // POST /-/reload would see an empty reply with no hint of what went wrong.
                log.warn("{} {} failed: {}", method, path, e.toString());
                respond(exchange, 500, "Internal error while handling " + path + "; see the tierlens log.\n");
            }
        }
    }

    private void dispatch(HttpExchange exchange, String path, String method) throws IOException {
        switch (path) {
            case "/metrics" -> metrics.handle(exchange);
            case "/-/ready" -> ready(exchange);
            case "/-/reload" -> {
                if ("POST".equals(method) || "PUT".equals(method)) {
                    doReload(exchange);
                } else {
                    respond(exchange, 405, "Only POST reloads the configuration.\n");
                }
            }
            case "/" -> respond(exchange, 200, landingPage);
            default -> respond(exchange, 404, "Not found. Try /metrics, /-/healthy, /-/ready or POST /-/reload.\n");
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<String> waiting = notReady.get();
        if (waiting.isEmpty()) {
            respond(exchange, 200, "Exporters are Ready.\n");
        } else {
            respond(exchange, 503, "Not ready: waiting for the first refresh of " + String.join(", ", waiting) + "\n");
        }
    }

    private void doReload(HttpExchange exchange) throws IOException {
        ReloadOutcome outcome = reload.get();
        if (outcome.applied()) {
            respond(exchange, 200, "Configuration reloaded.\n");
        } else {
            respond(
                    exchange,
                    400,
                    "Configuration not reloaded; the running configuration stays in force:\n"
                            + String.join("\n", outcome.errors())
                            + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String type = body.startsWith("<") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        exchange.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1024];
        while (in.read(buf) >= 0) {
            // discard; keeps the connection reusable
        }
    }
}
