package io.tierlens.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.RenderedSnapshot;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Methods, exact paths, negotiation, the reload gate and slow clients, against a real server on port 0. */
class EndpointHardeningTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger reloads = new AtomicInteger();
    private final List<TierlensHttpServer> servers = new ArrayList<>();

    private TierlensHttpServer start(boolean enableReload, Duration minInterval) throws Exception {
        RenderedSnapshot data = RenderedSnapshot.render(MetricSnapshots.of(
                FamilyBuilder.gauge("tierlens_cached_value", "pre-rendered", "id")
                        .add(7, "x")
                        .build(),
                FamilyBuilder.gauge("tierlens_other_value", "another family", "id")
                        .add(1, "y")
                        .build()));
        TierlensHttpServer s = TierlensHttpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .registry(new PrometheusRegistry())
                .exporterData(() -> List.of(data))
                .reload(() -> {
                    reloads.incrementAndGet();
                    return ReloadOutcome.ok();
                })
                .enableReload(enableReload, minInterval)
                .threads(2)
                .start();
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        servers.forEach(TierlensHttpServer::close);
    }

    private HttpResponse<byte[]> send(TierlensHttpServer s, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)); // bounds a hang; not a performance assertion
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void reloadIsNotFoundUnlessEnabled() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);

        assertThat(send(s, "POST", "/-/reload").statusCode()).isEqualTo(404);
        assertThat(reloads).hasValue(0);
    }

    @Test
    void reloadNeedsPostAndRefusesOtherOrigins() throws Exception {
        TierlensHttpServer s = start(true, Duration.ZERO);

        assertThat(send(s, "PUT", "/-/reload").statusCode()).isEqualTo(405);
        assertThat(send(s, "GET", "/-/reload").headers().firstValue("Allow")).hasValue("POST");
        assertThat(send(s, "POST", "/-/reload", "Origin", "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(reloads).hasValue(0);
        assertThat(send(s, "POST", "/-/reload").statusCode()).isEqualTo(200);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void reloadBurstIsRateLimited() throws Exception {
        TierlensHttpServer s = start(true, Duration.ofHours(1));

        assertThat(send(s, "POST", "/-/reload").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> second = send(s, "POST", "/-/reload");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(reloads).hasValue(1);
    }

    @Test
    void dataEndpointsAnswerGetAndHeadOnly() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);

        for (String path : List.of("/metrics", "/-/healthy", "/-/ready", "/")) {
            assertThat(send(s, "PUT", path).statusCode()).as(path).isEqualTo(405);
            assertThat(send(s, "POST", path).statusCode()).as(path).isEqualTo(405);
        }
        HttpResponse<byte[]> head = send(s, "HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void pathsMatchExactly() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);

        assertThat(send(s, "GET", "/-/healthyXYZ").statusCode()).isEqualTo(404);
        assertThat(send(s, "GET", "/metrics/extra").statusCode()).isEqualTo(404);
        assertThat(send(s, "GET", "/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedWhenAskedFor() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);

        HttpResponse<byte[]> r = send(s, "GET", "/metrics", "Accept-Encoding", "gzip");

        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String body = new String(
                new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("tierlens_cached_value{id=\"x\"} 7.0");
        assertThat(send(s, "GET", "/metrics").headers().firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void openMetricsIsNegotiatedAndEndsWithOneEof() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);
        String accept = "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3";

        HttpResponse<byte[]> r = send(s, "GET", "/metrics", "Accept", accept);
        HttpResponse<byte[]> gz = send(s, "GET", "/metrics", "Accept", accept, "Accept-Encoding", "gzip");

        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("# EOF\n").contains("tierlens_cached_value{id=\"x\"} 7.0");
        assertThat(body.indexOf("# EOF")).isEqualTo(body.lastIndexOf("# EOF"));
        assertThat(new String(
                        new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                        StandardCharsets.UTF_8))
                .isEqualTo(body);
    }

    @Test
    void nameFilterSelectsFamilies() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);

        String body = new String(
                send(s, "GET", "/metrics?name[]=tierlens_other_value").body(), StandardCharsets.UTF_8);

        assertThat(body).contains("tierlens_other_value{id=\"y\"} 1.0").doesNotContain("tierlens_cached_value");
    }

    @Test
    void slowHeaderClientsDoNotBlockHealthOrMetrics() throws Exception {
        TierlensHttpServer s = start(false, Duration.ZERO);
        List<Socket> slow = new ArrayList<>();
        try {
            // More slow clients than rendering slots: each sends half a request line and stalls.
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", s.port());
                OutputStream out = socket.getOutputStream();
                out.write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(send(s, "GET", "/-/healthy").statusCode()).isEqualTo(200);
                assertThat(send(s, "GET", "/metrics").statusCode()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
