package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.metrics.RenderedSnapshot.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /metrics}: the registry's few live series (self-metrics, JVM) rendered per scrape, followed by the
 * exporters' data as pre-rendered bytes, in the format and encoding the scraper asks for (Prometheus text or
 * OpenMetrics, gzip or not). Every scraper is sent the same shared arrays, so N concurrent scrapes cost N socket
 * writes, not N copies of the exposition. A {@code name[]} filter renders the selected families on demand.
 *
 * <p>Work that costs CPU (the live part, a filtered rendering, a first gzip) is limited to {@code slots} scrapes at
 * a time; the write itself is not, so a client that reads slowly never holds a slot.
 */
final class MetricsEndpoint {
    private static final Duration SLOT_WAIT = Duration.ofSeconds(10);
    private static final int WRITE_CHUNK = 16 * 1024;
    // The live part (JVM and self-metrics) is shared by the scrapes of the same second: collecting JVM thread
    // states and rendering them per scrape was most of a scrape's CPU under 50 concurrent scrapers.
    private static final long LIVE_REUSE_MILLIS = 1000;
    private static final byte[] EOF = RenderedSnapshot.openMetricsEof();
    private static final byte[] EOF_GZIP = RenderedSnapshot.gzip(EOF);

    private final PrometheusRegistry registry;
    private final Supplier<List<RenderedSnapshot>> exporterData;
    private final Semaphore slots;
    private final java.time.Clock clock;
    private final java.util.Map<String, Live> live = new java.util.concurrent.ConcurrentHashMap<>();

    /** A rendering of the live part for one format and encoding, and when it was made. */
    private record Live(long atMillis, byte[] bytes) {}

    MetricsEndpoint(
            PrometheusRegistry registry,
            Supplier<List<RenderedSnapshot>> exporterData,
            int slots,
            java.time.Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.exporterData = exporterData;
        this.slots = new Semaphore(slots);
    }

    void handle(HttpExchange exchange) throws IOException {
        ScrapeRequest request = ScrapeRequest.of(exchange);
        List<byte[]> body;
        try {
            if (!slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Responses.text(exchange, 503, "Too many scrapes at once; try again.\n");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.text(exchange, 503, "Shutting down.\n");
            return;
        }
        try {
            body = render(request);
        } finally {
            slots.release();
        }
        long length = 0;
        for (byte[] part : body) {
            length += part.length;
        }
        var headers = exchange.getResponseHeaders();
        headers.set(
                "Content-Type",
                request.format() == Format.OPENMETRICS
                        ? RenderedSnapshot.OPENMETRICS_CONTENT_TYPE
                        : RenderedSnapshot.CONTENT_TYPE);
        headers.set("Vary", "Accept, Accept-Encoding");
        if (request.gzip()) {
            headers.set("Content-Encoding", "gzip");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte[] part : body) {
                writeInChunks(out, part);
            }
        }
    }

    /**
     * The JDK server copies each write into a per-connection heap buffer grown to twice the write's size, and NIO
     * copies it again into a temporary direct buffer of that size: one 3 MB write per scraper would cost ~9 MB of
     * heap and native memory per concurrent scrape (50 scrapers at 200 ALBs ran a 96 MB heap out of memory).
     * Chunks keep both buffers small and the shared array the only copy.
     */
    static void writeInChunks(OutputStream out, byte[] part) throws IOException {
        for (int off = 0; off < part.length; off += WRITE_CHUNK) {
            out.write(part, off, Math.min(WRITE_CHUNK, part.length - off));
        }
    }

    private List<byte[]> render(ScrapeRequest request) {
        Set<String> names = request.names();
        Predicate<String> wanted = names::contains;
        List<RenderedSnapshot> data = exporterData.get();
        List<byte[]> parts = new ArrayList<>(data.size() + 2);
        if (names.isEmpty()) {
            parts.add(live(request));
            for (RenderedSnapshot d : data) {
                parts.add(d.body(request.format(), request.gzip()));
            }
        } else {
            // Filtered: one rendering of the selected families, compressed once.
            MetricSnapshots.Builder selected = MetricSnapshots.builder();
            registry.scrape(wanted).forEach(selected::metricSnapshot);
            for (RenderedSnapshot d : data) {
                for (MetricSnapshot s : d.snapshots()) {
                    if (matches(s, names)) {
                        selected.metricSnapshot(s);
                    }
                }
            }
            parts.add(encode(selected.build(), request));
        }
        if (request.format() == Format.OPENMETRICS) {
            parts.add(request.gzip() ? EOF_GZIP : EOF);
        }
        return parts;
    }

    private byte[] live(ScrapeRequest request) {
        String key = request.format() + "/" + request.gzip();
        long now = clock.millis();
        Live cached = live.get(key);
        if (cached != null && now - cached.atMillis() < LIVE_REUSE_MILLIS && now >= cached.atMillis()) {
            return cached.bytes();
        }
        byte[] bytes = encode(registry.scrape(), request);
        live.put(key, new Live(now, bytes));
        return bytes;
    }

    private static byte[] encode(MetricSnapshots snapshots, ScrapeRequest request) {
        byte[] plain = request.format() == Format.OPENMETRICS
                ? RenderedSnapshot.openMetricsWithoutEof(snapshots)
                : RenderedSnapshot.text(snapshots);
        return request.gzip() ? RenderedSnapshot.gzip(plain) : plain;
    }

    /** {@code name[]} names a series name as exposed, so {@code foo_total} selects the counter {@code foo}. */
    static boolean matches(MetricSnapshot s, Set<String> names) {
        String n = s.getMetadata().getPrometheusName();
        for (String suffix :
                List.of("", "_total", "_created", "_info", "_bucket", "_count", "_sum", "_gcount", "_gsum")) {
            if (names.contains(n + suffix)) {
                return true;
            }
        }
        return false;
    }
}
