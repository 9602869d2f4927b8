package io.tierlens.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.web.TestPki;
import io.tierlens.core.web.WebConfig;
import io.tierlens.core.web.WebConfigFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS, mTLS and basic auth from a web config file, with a CA made by keytool in the test. */
class TlsAndAuthTest {
    // Prometheus' docs example (docs/guides/basic-auth): the bcrypt hash of "test", cost 12, $2b$ variant.
    private static final String TEST_HASH = "$2b$12$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay";

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static TestPki otherPki;
    private static Path[] serverCert;
    private static Path[] client;
    private static Path[] stranger;
    private TierlensHttpServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir, "test-ca");
        otherPki = TestPki.create(dir, "other-ca");
        serverCert = pki.issue("server", "serverAuth");
        client = pki.issue("client", "clientAuth");
        stranger = otherPki.issue("stranger", "clientAuth");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(String webYaml) throws Exception {
        Path file = Files.writeString(dir.resolve("web-" + System.nanoTime() + ".yml"), webYaml);
        WebConfig web = WebConfigFile.load(file);
        server = TierlensHttpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .registry(new PrometheusRegistry())
                .web(web)
                .start();
        return server.port();
    }

    private static HttpResponse<String> get(SSLContext ctx, String url, String authorization) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (ctx != null) {
            b.sslContext(ctx);
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return b.build().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @Test
    void servesHttpsWithTheConfiguredCertificate() throws Exception {
        int port = start("""
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  min_version: TLS12
                """.formatted(serverCert[0], serverCert[1]));

        HttpResponse<String> r =
                get(TestPki.clientContext(pki.caPem(), null, null), "https://127.0.0.1:" + port + "/metrics", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession()).isPresent();
    }

    @Test
    void mutualTlsAcceptsClientsOfTheCaAndRefusesOthers() throws Exception {
        int port = start("""
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_ca_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                """.formatted(serverCert[0], serverCert[1], pki.caPem()));
        String url = "https://127.0.0.1:" + port + "/-/healthy";

        assertThat(get(TestPki.clientContext(pki.caPem(), client[0], client[1]), url, null)
                        .statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> get(TestPki.clientContext(pki.caPem(), null, null), url, null))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(TestPki.clientContext(pki.caPem(), stranger[0], stranger[1]), url, null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void basicAuthGuardsDataButNotHealth() throws Exception {
        int port = start("basic_auth_users:\n  prometheus: " + TEST_HASH + "\n");
        String metrics = "http://127.0.0.1:" + port + "/metrics";

        HttpResponse<String> none = get(null, metrics, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get(null, metrics, basic("prometheus", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(get(null, metrics, basic("prometheus", "test")).statusCode()).isEqualTo(200);
        // a second request is answered from the cache of successful checks
        assertThat(get(null, metrics, basic("prometheus", "test")).statusCode()).isEqualTo(200);
        assertThat(get(null, "http://127.0.0.1:" + port + "/-/healthy", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void configuredHeadersAreOnEveryResponse() throws Exception {
        int port = start("""
                http_server_config:
                  headers:
                    X-Content-Type-Options: nosniff
                    X-Frame-Options: deny
                """);

        HttpResponse<String> r = get(null, "http://127.0.0.1:" + port + "/nope", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("deny");
    }
}
