package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.metrics.RenderedSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /metrics}: the registry's few live series (self-metrics, JVM) rendered per scrape, followed by the
 * exporters' data as pre-rendered bytes. A scrape does no I/O and no per-series work for exporter data.
 * Always Prometheus text format 0.0.4, uncompressed: every Prometheus version accepts it.
 */
final class MetricsEndpoint {
    private final PrometheusRegistry registry;
    private final Supplier<List<RenderedSnapshot>> exporterData;

    MetricsEndpoint(PrometheusRegistry registry, Supplier<List<RenderedSnapshot>> exporterData) {
        this.registry = registry;
        this.exporterData = exporterData;
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] live = RenderedSnapshot.text(registry.scrape());
        List<RenderedSnapshot> parts = exporterData.get();
        long length = live.length;
        for (RenderedSnapshot p : parts) {
            length += p.text().length;
        }
        exchange.getResponseHeaders().set("Content-Type", RenderedSnapshot.CONTENT_TYPE);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(live);
            for (RenderedSnapshot p : parts) {
                out.write(p.text());
            }
        }
    }
}
