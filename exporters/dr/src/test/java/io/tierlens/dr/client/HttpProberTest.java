package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.tierlens.dr.ProbeConfig;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.ProbeResult;
import io.tierlens.dr.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober against real local servers: plain HTTP, a server that hangs, and HTTPS with self-signed certificates. */
class HttpProberTest {
    @TempDir
    static Path dir;

    private static HttpServer http;
    private static HttpsServer selfSigned;
    private static HttpsServer expired;
    private static SelfSignedCertificate selfSignedCert;
    private static SelfSignedCertificate expiredCert;
    private static ServerSocket hanging;
    private static final List<Socket> held = new ArrayList<>();

    private final HttpProber prober = new HttpProber();

    @BeforeAll
    static void startServers() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        http = HttpServer.create(new InetSocketAddress(lo, 0), 16);
        http.createContext("/ok", ex -> respond(ex, 200, "all good"));
        http.createContext("/maintenance", ex -> respond(ex, 503, "<h1>Scheduled maintenance</h1>"));
        http.createContext("/redirect", ex -> {
            ex.getResponseHeaders().set("Location", "/ok");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        http.createContext("/big", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 48; i++) {
                    out.write(chunk); // 3 MiB of zeros, then the marker beyond the kept first MiB
                }
                out.write("MARKER".getBytes(StandardCharsets.UTF_8));
            }
        });
        http.start();

        selfSignedCert = SelfSignedCertificate.generate(dir, "-1d", 30);
        selfSigned = selfSignedCert.server();
        selfSigned.createContext("/", ex -> respond(ex, 200, "secure hello"));
        selfSigned.start();

        expiredCert = SelfSignedCertificate.generate(dir, "-30d", 10);
        expired = expiredCert.server();
        expired.createContext("/", ex -> respond(ex, 200, "old"));
        expired.start();

        // accepts connections and never says a word
        hanging = new ServerSocket(0, 16, lo);
        Thread acceptor = new Thread(() -> {
            try {
                while (!hanging.isClosed()) {
                    Socket s = hanging.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        http.stop(0);
        selfSigned.stop(0);
        expired.stop(0);
        hanging.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static ProbeConfig probe(String url, List<Integer> codes, String regex, boolean insecure) {
        return new ProbeConfig("p", "dr", url, Duration.ofSeconds(3), codes, regex, insecure);
    }

    private static String httpUrl(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    @Test
    void aHealthyEndpointSucceeds() {
        ProbeResult r = prober.probe(probe(httpUrl("/ok"), List.of(), "good", false));

        assertThat(r.success()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.failure()).isEmpty();
        assertThat(r.duration()).isPositive();
        assertThat(r.tlsExpiry()).isEmpty();
    }

    @Test
    void redirectsAreFollowed() {
        ProbeResult r = prober.probe(probe(httpUrl("/redirect"), List.of(), "", false));

        assertThat(r.success()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void aStatusOutsideTheValidCodesFails() {
        ProbeResult r = prober.probe(probe(httpUrl("/maintenance"), List.of(), "", false));

        assertThat(r.success()).isFalse();
        assertThat(r.httpStatus()).isEqualTo(503);
        assertThat(r.failure()).contains(FailureKind.HTTP_STATUS);
    }

    @Test
    void aMaintenancePageCanBeTheExpectedAnswer() {
        ProbeResult r = prober.probe(probe(httpUrl("/maintenance"), List.of(503), "(?i)maintenance", false));

        assertThat(r.success()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(503);
    }

    @Test
    void aBodyWithoutTheRegexFails() {
        ProbeResult r = prober.probe(probe(httpUrl("/ok"), List.of(), "maintenance", false));

        assertThat(r.success()).isFalse();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.failure()).contains(FailureKind.STRING_MISMATCH);
    }

    @Test
    void onlyTheFirstMibOfABodyIsMatched() {
        ProbeResult r = prober.probe(probe(httpUrl("/big"), List.of(), "MARKER", false));

        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.failure()).contains(FailureKind.STRING_MISMATCH);
    }

    @Test
    void aServerThatHangsIsATimeoutWithinTheProbeTimeout() {
        String url = "http://127.0.0.1:" + hanging.getLocalPort() + "/";
        ProbeConfig p = new ProbeConfig("hang", "dr", url, Duration.ofMillis(800), List.of(), "", false);

        long start = System.nanoTime();
        ProbeResult r = prober.probe(p);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.success()).isFalse();
        assertThat(r.failure()).contains(FailureKind.TIMEOUT);
        assertThat(r.httpStatus()).isZero();
        // bounded by the timeout, not by the server: generous margin, this is not a performance assertion
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult r = prober.probe(probe("http://127.0.0.1:" + port + "/", List.of(), "", false));

        assertThat(r.success()).isFalse();
        assertThat(r.failure()).contains(FailureKind.CONNECTION_REFUSED);
    }

    @Test
    void aSelfSignedCertificateFailsTheRequestButItsExpiryIsReported() {
        String url = "https://localhost:" + selfSigned.getAddress().getPort() + "/";

        ProbeResult r = prober.probe(probe(url, List.of(), "", false));

        assertThat(r.success()).isFalse();
        assertThat(r.failure()).contains(FailureKind.SSL);
        assertThat(r.httpStatus()).isZero();
        assertThat(r.tlsExpiry()).contains(selfSignedCert.notAfter());
    }

    @Test
    void insecureSkipVerifyAcceptsTheSelfSignedCertificate() {
        String url = "https://127.0.0.1:" + selfSigned.getAddress().getPort() + "/";

        ProbeResult r = prober.probe(probe(url, List.of(), "secure", true));

        assertThat(r.success()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.tlsExpiry()).contains(selfSignedCert.notAfter());
    }

    @Test
    void anExpiredCertificateIsReportedWithItsPastExpiry() {
        String url = "https://localhost:" + expired.getAddress().getPort() + "/";

        ProbeResult verifying = prober.probe(probe(url, List.of(), "", false));
        ProbeResult insecure = prober.probe(probe(url, List.of(), "", true));

        assertThat(verifying.success()).isFalse();
        assertThat(verifying.failure()).contains(FailureKind.SSL);
        assertThat(verifying.tlsExpiry()).contains(expiredCert.notAfter());
        assertThat(expiredCert.notAfter()).isBefore(Instant.now().minus(19, ChronoUnit.DAYS));
        assertThat(insecure.success()).isTrue();
        assertThat(insecure.tlsExpiry()).contains(expiredCert.notAfter());
    }

    @Test
    void aPlainHttpServerBehindAnHttpsUrlIsReportedNotThrown() {
        String url = "https://127.0.0.1:" + http.getAddress().getPort() + "/ok";

        ProbeResult r = prober.probe(probe(url, List.of(), "", true));

        assertThat(r.success()).isFalse();
        assertThat(r.tlsExpiry()).isEmpty();
    }
}
