package io.tierlens.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigFileTest {
    // exporter-toolkit docs' example hash (docs/web-configuration.md, "About bcrypt")
    static final String DOCS_HASH = "$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG";

    @TempDir
    Path dir;

    private WebConfig parse(String yaml) throws ConfigException {
        return WebConfigFile.parse("web.yml", yaml, dir);
    }

    private String errors(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return String.join("\n", e.lines());
        }
        throw new AssertionError("expected errors");
    }

    @Test
    void emptyFileMeansNoTlsAndNoAuth() throws Exception {
        WebConfig c = parse("");

        assertThat(c.tls()).isEmpty();
        assertThat(c.basicAuthUsers()).isEmpty();
    }

    @Test
    void readsTheExporterToolkitKeys() throws Exception {
        WebConfig c = parse("""
                basic_auth_users:
                  alice: %s
                http_server_config:
                  http2: false
                  headers:
                    X-Frame-Options: deny
                    Strict-Transport-Security: max-age=31536000
                rate_limit:
                  interval: 1s
                  burst: 20
                """.formatted(DOCS_HASH));

        assertThat(c.basicAuthUsers()).containsEntry("alice", DOCS_HASH);
        assertThat(c.httpServerConfig().headers()).containsEntry("X-Frame-Options", "deny");
        assertThat(c.limit()).hasValueSatisfying(l -> assertThat(l.burst()).isEqualTo(20));
    }

    @Test
    void everyErrorIsNamedByItsPath() {
        String out = errors("""
                basic_auth_users:
                  bob: plain-password
                http_server_config:
                  headers:
                    Server: tierlens
                tls_server_config:
                  cert_file: missing.crt
                  client_auth_type: RequireClientCert
                  min_version: TLS14
                unknown_top: 1
                """);

        assertThat(out)
                .contains("web.yml: basic_auth_users.bob: not a bcrypt hash")
                .contains("web.yml: http_server_config.headers.Server: header not allowed")
                .contains("web.yml: tls_server_config.key_file: missing")
                .contains("web.yml: tls_server_config.client_auth_type: unknown value \"RequireClientCert\"")
                .contains("web.yml: tls_server_config.min_version: unknown value \"TLS14\"")
                .contains("web.yml: unknown_top: unknown key")
                .doesNotContain("plain-password");
    }

    @Test
    void unreadableCertificateIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("server.crt"), "not a certificate");
        Files.writeString(dir.resolve("server.key"), "not a key");

        String out = errors("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                """);

        assertThat(out).contains("web.yml: tls_server_config.cert_file: cannot load the certificate and key");
    }

    @Test
    void verifiedClientAuthNeedsAClientCa() throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        Path[] server = pki.issue("server", "serverAuth");

        String out = errors("""
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                """.formatted(server[0], server[1]));

        assertThat(out).contains("tls_server_config.client_ca_file: missing");
    }

    @Test
    void missingFileIsReportedWithItsName() {
        assertThatThrownBy(() -> WebConfigFile.load(dir.resolve("nope.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yml: file not found");
    }

    @Test
    void docsHashIsWellFormedAndTheDummyToo() {
        assertThat(BasicAuth.looksLikeBcrypt(DOCS_HASH)).isTrue();
        assertThat(new BasicAuth(java.util.Map.of("alice", DOCS_HASH)).authenticate(basic("alice", "wrong")))
                .isEmpty();
        // unknown users are checked against the dummy hash, which must be well-formed to cost a real check
        assertThat(new BasicAuth(java.util.Map.of()).authenticate(basic("eve", "x")))
                .isEmpty();
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
