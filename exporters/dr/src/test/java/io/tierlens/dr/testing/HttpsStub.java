package io.tierlens.dr.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server (self-signed, trusted through {@link #trust()}) answering by request path (and query):
 * stands in for Azure Resource Manager and the Entra ID token endpoint. Records every request with its headers
 * and body.
 */
public final class HttpsStub implements AutoCloseable {
    /** What to answer; {@code delayMillis} before the headers, a hostile server's slowness. */
    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"), 0);
        }
    }

    /** One request as the server saw it. */
    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }
    }

    public interface Handler {
        Answer answer(Seen request);
    }

    private final HttpsServer server;
    private final SSLContext trust;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public HttpsStub(Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(dir, "-1d", 30);
        this.trust = cert.trustingContext();
        this.server = cert.server();
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "https-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    public SSLContext trust() {
        return trust;
    }

    /** Answers requests whose path (without query) equals {@code path}. */
    public HttpsStub on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public HttpsStub on(String path, Answer answer) {
        return on(path, r -> answer);
    }

    /** Forgets every route and every request seen (one stub serves a whole test class: keytool is slow). */
    public void reset() {
        routes.clear();
        seen.clear();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long count(String pathPrefix) {
        return seen.stream()
                .filter(s -> s.pathAndQuery().startsWith(pathPrefix))
                .count();
    }

    private void handle(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen s = new Seen(
                ex.getRequestMethod(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                Map.copyOf(ex.getRequestHeaders()),
                body);
        seen.add(s);
        Handler h = routes.get(uri.getRawPath());
        Answer a = h == null ? Answer.json(404, "{\"error\":{\"code\":\"NotFound\"}}") : h.answer(s);
        try {
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
