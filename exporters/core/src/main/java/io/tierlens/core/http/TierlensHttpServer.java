package io.tierlens.core.http;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.metrics.RenderedSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one HTTP endpoint of a tierlens process: {@code /metrics} (client_java's handler, which serves the
 * snapshots held in memory), {@code /-/healthy}, {@code /-/ready}, {@code /-/reload} and a landing page.
 */
public final class TierlensHttpServer implements AutoCloseable {
    /** The registry's series only (self-metrics, JVM), in any format client_java negotiates. */
    public static final String SELF_METRICS_PATH = "/-/metrics/self";

    private final HTTPServer server;

    private TierlensHttpServer(HTTPServer server) {
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 9469;
        private PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
        private Supplier<List<String>> notReady = List::of;
        private Supplier<ReloadOutcome> reload =
                () -> ReloadOutcome.refused(List.of("reload is not supported in this mode"));
        private String landingPage = "tierlens\n";
        private int threads = 4;
        private Supplier<List<RenderedSnapshot>> exporterData = List::of;

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

        public Builder landingPage(String html) {
            this.landingPage = Objects.requireNonNull(html);
            return this;
        }

        /** The exporters' pre-rendered data, appended to the registry's live series on {@code /metrics}. */
        public Builder exporterData(Supplier<List<RenderedSnapshot>> exporterData) {
            this.exporterData = Objects.requireNonNull(exporterData);
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public TierlensHttpServer start() throws IOException {
            // The JDK server writes headers and body separately; with Nagle's algorithm on, a small response then
            // waits for the client's delayed ACK (~40 ms). Must be set before the first server is created.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            // A bounded pool: scrapes are cheap (no I/O), so a few threads serve hundreds of requests per second.
            ExecutorService executor = new ThreadPoolExecutor(
                    threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
                        Thread t = new Thread(r, "tierlens-http");
                        t.setDaemon(true);
                        return t;
                    });
            HTTPServer server = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .registry(registry)
                    .executorService(executor)
                    .registerHealthHandler(true)
                    // client_java's own handler (content negotiation, gzip) serves the registry alone at this
                    // path; /metrics is ours so that exporter data is served pre-rendered.
                    .metricsHandlerPath(SELF_METRICS_PATH)
                    .defaultHandler(new ControlHandler(
                            notReady, reload, landingPage, new MetricsEndpoint(registry, exporterData)))
                    .buildAndStart();
            return new TierlensHttpServer(server);
        }
    }
}
