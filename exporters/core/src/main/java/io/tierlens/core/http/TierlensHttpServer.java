package io.tierlens.core.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.config.ServerConfig;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.web.ReloadingTls;
import io.tierlens.core.web.WebConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one HTTP endpoint of a tierlens process, on the JDK's own server: {@code /metrics}, {@code /-/healthy},
 * {@code /-/ready}, {@code /-/metrics/self}, a landing page and, when enabled, {@code /-/reload}.
 *
 * <p>Slow clients: the JDK server reads request headers on a pool thread, so a client that sends them slowly holds
 * that thread. The pool therefore has a thread for every connection the server accepts ({@code max_connections},
 * beyond which connections are closed at accept), each with a small stack, and the JDK's timers cut off a client
 * that takes longer than {@code read_timeout} to send its headers or {@code write_timeout} to take its response.
 * CPU work is bounded separately ({@code threads} scrapes rendered at once) and health checks never wait for it.
 * bench/RESULTS.md "Slow clients" has the measurement that chose this.
 */
public final class TierlensHttpServer implements AutoCloseable {
    /** The registry's series only (self-metrics, JVM), in any format client_java negotiates. */
    public static final String SELF_METRICS_PATH = "/-/metrics/self";

    private static final Set<String> READ = Set.of("GET", "HEAD");
    /** Only asked whether a scraper wants protobuf and whether the writer is on the classpath. */
    private static final PrometheusProtobufWriter PROTOBUF = new PrometheusProtobufWriter();
    // Enough for the JDK's header parsing and our handlers; a thread parked on a slow client costs little.
    private static final long THREAD_STACK_BYTES = 256 * 1024;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private TierlensHttpServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fixes the JDK server's slow-client limits for this JVM. They are read once, when the JVM's first JDK HTTP
     * server of any kind starts (the demo's simulated Kubernetes API is one), so a process calls this before it
     * starts anything else; {@link Builder#start()} calls it too, for processes with no other server.
     */
    public static void applyLimits(ServerConfig c) {
        JdkServerLimits.apply(c.maxConnections(), c.readTimeout(), c.writeTimeout());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = ServerConfig.DEFAULT_PORT;
        private PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
        private Supplier<List<String>> notReady = List::of;
        private Supplier<ReloadOutcome> reload =
                () -> ReloadOutcome.refused(List.of("reload is not supported in this mode"));
        private String landingPage = "tierlens\n";
        private int threads = 4;
        private int maxConnections = 512;
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private boolean enableReload;
        private Duration reloadMinInterval = Duration.ofSeconds(10);
        private WebConfig web = WebConfig.NONE;
        private Clock clock = Clock.systemUTC();
        private Supplier<List<RenderedSnapshot>> exporterData = List::of;

        /** Every option of {@code server:} except the web config file, which the caller loads. */
        public Builder settings(ServerConfig c) {
            return host(c.host())
                    .port(c.port())
                    .threads(c.threads())
                    .maxConnections(c.maxConnections())
                    .timeouts(c.readTimeout(), c.writeTimeout())
                    .enableReload(c.enableReload(), c.reloadMinInterval());
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port to listen on; 0 picks a free port (see {@link TierlensHttpServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder registry(PrometheusRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** Names of exporters still waiting for their first refresh; empty means ready. */
        public Builder readiness(Supplier<List<String>> notReady) {
            this.notReady = Objects.requireNonNull(notReady);
            return this;
        }

        public Builder reload(Supplier<ReloadOutcome> reload) {
            this.reload = Objects.requireNonNull(reload);
            return this;
        }

        /** Serve {@code POST /-/reload} (404 otherwise), at most once per {@code minInterval}. */
        public Builder enableReload(boolean enable, Duration minInterval) {
            this.enableReload = enable;
            this.reloadMinInterval = Objects.requireNonNull(minInterval);
            return this;
        }

        public Builder landingPage(String html) {
            this.landingPage = Objects.requireNonNull(html);
            return this;
        }

        /** The exporters' pre-rendered data, appended to the registry's live series on {@code /metrics}. */
        public Builder exporterData(Supplier<List<RenderedSnapshot>> exporterData) {
            this.exporterData = Objects.requireNonNull(exporterData);
            return this;
        }

        /** Scrapes rendered at the same time (writing pre-rendered bytes needs no slot). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** JVM-wide: the first server started in a JVM fixes them (see {@link JdkServerLimits}). */
        public Builder timeouts(Duration read, Duration write) {
            this.readTimeout = Objects.requireNonNull(read);
            this.writeTimeout = Objects.requireNonNull(write);
            return this;
        }

        /** TLS, basic auth, headers and rate limit, from an exporter-toolkit web configuration file. */
        public Builder web(WebConfig web) {
            this.web = Objects.requireNonNull(web);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public TierlensHttpServer start() throws IOException {
            JdkServerLimits.apply(maxConnections, readTimeout, writeTimeout);
            AtomicInteger n = new AtomicInteger();
            // One thread per open connection at most (see the class comment); idle threads leave after 30 s.
            ThreadPoolExecutor executor = new ThreadPoolExecutor(
                    2, maxConnections + 16, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(null, r, "tierlens-http-" + n.incrementAndGet(), THREAD_STACK_BYTES);
                        t.setDaemon(true);
                        return t;
                    });
            HttpServer server = create();
            server.setExecutor(executor);
            server.createContext(
                    "/",
                    new Router(routes(), web, web.limit().map(l -> new TokenBucket(clock, l.interval(), l.burst()))));
            server.start();
            return new TierlensHttpServer(server, executor);
        }

        private HttpServer create() throws IOException {
            InetSocketAddress address = new InetSocketAddress(host, port);
            Optional<io.tierlens.core.web.TlsServerConfig> tls = web.tls();
            if (tls.isEmpty()) {
                return HttpServer.create(address, 128);
            }
            HttpsServer https = HttpsServer.create(address, 128);
            try {
                https.setHttpsConfigurator(new ReloadingTls(tls.get(), clock).configurator());
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot set up TLS: " + e.getMessage(), e);
            }
            return https;
        }

        private Map<String, Router.Route> routes() {
            MetricsEndpoint metrics = new MetricsEndpoint(registry, exporterData, threads, clock);
            MetricsHandler self = new MetricsHandler(registry);
            Map<String, Router.Route> routes = new LinkedHashMap<>();
            routes.put("/metrics", new Router.Route(READ, true, metrics::handle));
            routes.put(
                    "/-/healthy",
                    new Router.Route(READ, false, ex -> Responses.text(ex, 200, "Exporter is Healthy.\n")));
            routes.put("/-/ready", new Router.Route(READ, false, this::ready));
            routes.put(SELF_METRICS_PATH, new Router.Route(READ, true, ex -> {
                if ("HEAD".equals(ex.getRequestMethod())) {
                    Responses.text(ex, 200, "");
                } else if (!PROTOBUF.isAvailable()
                        && PROTOBUF.accepts(ex.getRequestHeaders().getFirst("Accept"))) {
                    selfAsText(ex);
                } else {
                    self.handle(ex);
                }
            }));
            if (enableReload) {
                ReloadEndpoint endpoint = new ReloadEndpoint(reload, reloadMinInterval, clock);
                routes.put("/-/reload", new Router.Route(Set.of("POST"), true, endpoint::handle));
            }
            routes.put("/", new Router.Route(READ, true, ex -> Responses.text(ex, 200, landingPage)));
            return routes;
        }

        /**
         * The jar ships no protobuf writer (prometheus-metrics-exposition-formats and its shaded protobuf, 1.9 MB,
         * are left out): client_java would still pick the protobuf writer for a scraper that lists protobuf first
         * (Prometheus with native histograms) and fail. Such a scraper also accepts the text format, so it gets that.
         */
        private void selfAsText(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            byte[] body = RenderedSnapshot.text(registry.scrape());
            exchange.getResponseHeaders().set("Content-Type", RenderedSnapshot.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private void ready(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            List<String> waiting = notReady.get();
            if (waiting.isEmpty()) {
                Responses.text(exchange, 200, "Exporters are Ready.\n");
            } else {
                Responses.text(
                        exchange,
                        503,
                        "Not ready: waiting for the first refresh of " + String.join(", ", waiting) + "\n");
            }
        }
    }
}
