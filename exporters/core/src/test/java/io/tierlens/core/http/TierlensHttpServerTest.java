package io.tierlens.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.RenderedSnapshot;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.ScriptedExporter;
import io.tierlens.core.testing.TextExposition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TierlensHttpServerTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<String> waiting = new CopyOnWriteArrayList<>();
    private final AtomicReference<ReloadOutcome> reload = new AtomicReference<>(ReloadOutcome.ok());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicReference<Supplier<List<RenderedSnapshot>>> exporterData = new AtomicReference<>(List::of);
    private TierlensHttpServer server;

    @BeforeEach
    void start() throws IOException {
        Counter.builder()
                .name("tierlens_test_requests")
                .help("requests seen by the test")
                .register(registry)
                .inc(3);
        server = TierlensHttpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .registry(registry)
                .exporterData(() -> exporterData.get().get())
                .readiness(() -> List.copyOf(waiting))
                .reload(reload::get)
                .enableReload(true, Duration.ZERO)
                .landingPage("<html>tierlens</html>")
                .threads(2)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                // bounds a hang; not a performance assertion
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    @Test
    void listensOnAFreePort() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void metricsAreServedInTheTextFormat() throws Exception {
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body())
                .contains("# TYPE tierlens_test_requests_total counter", "tierlens_test_requests_total 3.0");
        assertThat(TextExposition.problems(r.body())).isEmpty();
    }

    @Test
    void metricsAppendsPreRenderedExporterDataToTheLiveRegistry() throws Exception {
        exporterData.set(() -> List.of(RenderedSnapshot.render(
                MetricSnapshots.of(FamilyBuilder.gauge("tierlens_cached_value", "pre-rendered", "id")
                        .add(7, "x")
                        .build()))));

        String body = get("/metrics").body();

        assertThat(body).contains("tierlens_test_requests_total 3.0").contains("tierlens_cached_value{id=\"x\"} 7.0");
        assertThat(TextExposition.problems(body)).isEmpty();
    }

    @Test
    void selfMetricsPathServesTheRegistryAlone() throws Exception {
        exporterData.set(() -> List.of(RenderedSnapshot.render(
                MetricSnapshots.of(FamilyBuilder.gauge("tierlens_cached_value", "pre-rendered", "id")
                        .add(7, "x")
                        .build()))));

        String body = get(TierlensHttpServer.SELF_METRICS_PATH).body();

        assertThat(body).contains("tierlens_test_requests_total 3.0").doesNotContain("tierlens_cached_value");
    }

    @Test
    void aScraperThatPrefersProtobufGetsSelfMetricsAsText() throws Exception {
        // the Accept header of Prometheus with native histograms on: protobuf first
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + TierlensHttpServer.SELF_METRICS_PATH))
                .header(
                        "Accept",
                        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;"
                                + "q=0.6,application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;"
                                + "q=0.3,*/*;q=0.2")
                .timeout(Duration.ofSeconds(30))
                .build();

        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(RenderedSnapshot.CONTENT_TYPE);
        assertThat(r.body()).contains("tierlens_test_requests_total 3.0");
        assertThat(TextExposition.problems(r.body())).isEmpty();
    }

    @Test
    void healthyIsAlways200() throws Exception {
        waiting.add("alb");

        assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void readyIs503WithTheWaitingExportersThen200() throws Exception {
        waiting.addAll(List.of("alb", "rds"));

        HttpResponse<String> notYet = get("/-/ready");
        assertThat(notYet.statusCode()).isEqualTo(503);
        assertThat(notYet.body()).contains("alb, rds");

        waiting.clear();
        HttpResponse<String> ready = get("/-/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("Ready");
    }

    @Test
    void headOfReadyHasTheStatusAndNoBody() throws Exception {
        waiting.add("alb");

        HttpResponse<String> r = send("HEAD", "/-/ready");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void postReloadAppliesTheConfiguration() throws Exception {
        HttpResponse<String> r = send("POST", "/-/reload");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("reloaded");
    }

    @Test
    void refusedReloadIs400WithEveryError() throws Exception {
        reload.set(ReloadOutcome.refused(List.of(
                "tierlens.yaml: server.port: expected a whole number", "tierlens.yaml: regions[0]: unknown region")));

        HttpResponse<String> r = send("POST", "/-/reload");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("running configuration stays in force")
                .contains("tierlens.yaml: server.port: expected a whole number")
                .contains("tierlens.yaml: regions[0]: unknown region");
    }

    @Test
    void reloadThatThrowsIsAnsweredWith500AndTheServerStaysUp() throws Exception {
        TierlensHttpServer broken = TierlensHttpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .registry(registry)
                .reload(() -> {
                    throw new IllegalStateException("suite could not be built");
                })
                .enableReload(true, Duration.ZERO)
                .start();
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broken.port() + "/-/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30))
                    .build();

            HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("/-/reload", "log");
            assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(500);
        } finally {
            broken.close();
        }
    }

    @Test
    void getReloadIs405() throws Exception {
        HttpResponse<String> r = get("/-/reload");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(reload.get().applied()).isTrue();
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> r = get("/nope");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("/metrics");
    }

    @Test
    void landingPage() throws Exception {
        HttpResponse<String> r = get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).isEqualTo("<html>tierlens</html>");
    }

    @Test
    void metricsAnswerWhileAnExporterRefreshIsBlocked() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        SelfMetrics self = new SelfMetrics(registry);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedExporter slow = new ScriptedExporter("slow", Duration.ofHours(1), Duration.ofHours(1))
                .thenBlockUntil(release, MetricSnapshots.of(), clock.instant());
        ScriptedExporter fast = new ScriptedExporter("fast", Duration.ofHours(1), Duration.ofHours(1))
                .thenReturn(
                        MetricSnapshots.of(FamilyBuilder.gauge("tierlens_fast_value", "fast", "id")
                                .add(42, "a")
                                .build()),
                        clock.instant());
        ExporterRunner fastRunner = new ExporterRunner(fast, self, clock, 100);
        try (ExporterSuite suite =
                new ExporterSuite(List.of(new ExporterRunner(slow, self, clock, 100), fastRunner), clock)) {
            ExporterSuite.SuiteCollector collector = new ExporterSuite.SuiteCollector(suite);
            registry.register(collector);
            exporterData.set(collector::renderedData);
            suite.start();
            assertThat(slow.firstRefreshStarted().await(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(30, TimeUnit.SECONDS).until(() -> fastRunner.state().attempted());

            HttpResponse<String> r = get("/metrics");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .contains("tierlens_fast_value{id=\"a\"} 42.0")
                    .contains("tierlens_exporter_up{exporter=\"slow\"} 0.0")
                    .contains("tierlens_exporter_up{exporter=\"fast\"} 1.0");
            assertThat(TextExposition.problems(r.body())).isEmpty();
        } finally {
            release.countDown();
        }
    }
}
