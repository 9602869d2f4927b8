package io.tierlens.karpenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.kubernetes.client.InformerClusterWatch;
import io.tierlens.kubernetes.client.KubernetesClientProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, Kubernetes row of the blindness matrix (docs/failure-modes.md): an API server that answers every request
 * with 403 (RBAC missing). The {@code kubernetes} target is down with {@code access_denied} and its data age grows
 * from the start; nothing looks fresh.
 */
class KarpenterBlindnessTest {
    private static final byte[] FORBIDDEN = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"forbidden: User cannot list resource\",\"reason\":\"Forbidden\",\"code\":403}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anApiServerThatRefusesUsIsTheKubernetesTargetDownWithAccessDenied() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, FORBIDDEN.length);
            exchange.getResponseBody().write(FORBIDDEN);
            exchange.close();
        });
        api.start();
        KubernetesClientProvider provider = new KubernetesClientProvider() {
            @Override
            public KubernetesClient connect() {
                return new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder()
                                .withMasterUrl(
                                        "http://127.0.0.1:" + api.getAddress().getPort())
                                .withRequestRetryBackoffLimit(0)
                                .build())
                        .build();
            }

            @Override
            public String describe() {
                return "a 403-only API server";
            }
        };
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        PrometheusRegistry registry = new PrometheusRegistry();
        try (InformerClusterWatch watch =
                new InformerClusterWatch(provider, clock, Duration.ofSeconds(10), Duration.ofSeconds(30))) {
            ExporterRunner runner = new ExporterRunner(
                    new KarpenterExporter(new KarpenterConfig(null, null, null, null, null), watch),
                    new SelfMetrics(registry),
                    clock,
                    50_000);
            ExporterSuite suite = new ExporterSuite(List.of(runner), clock);

            runner.refreshOnce();
            clock.advance(Duration.ofMinutes(3));

            var scraped = suite.collect();
            assertThat(Scraped.value(scraped, "tierlens_target_up", "exporter", "karpenter", "target", "kubernetes"))
                    .hasValue(0);
            assertThat(Scraped.value(
                            scraped, "tierlens_data_age_seconds", "exporter", "karpenter", "target", "kubernetes"))
                    .hasValue(180);
            assertThat(Scraped.counter(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "karpenter",
                            "target",
                            "kubernetes",
                            "reason",
                            FailureReason.ACCESS_DENIED))
                    .isEqualTo(1);
        } finally {
            api.stop(0);
        }
    }
}
