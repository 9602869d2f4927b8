package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.AzureAuthConfig;
import io.tierlens.dr.ResourceManagerConfig;
import io.tierlens.dr.testing.HttpsStub;
import io.tierlens.dr.testing.HttpsStub.Answer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity as on EKS: the projected service-account token in AZURE_FEDERATED_TOKEN_FILE is exchanged at the
 * Entra ID token endpoint (a local stub at AZURE_AUTHORITY_HOST) for a token, which then reaches ARM as the bearer.
 */
class WorkloadIdentityTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0e5b8a41-6c4e-4d5f-9f0a-111122223333";
    static final String SA_TOKEN = "eyJhbGciOiJSUzI1NiJ9.projected-service-account-token.sig";
    static final String MYSQL = RestArmApiTest.MYSQL;

    @TempDir
    static Path dir;

    private static HttpsStub stub;
    private static Path tokenFile;

    @BeforeAll
    static void start() throws Exception {
        stub = new HttpsStub(dir);
        tokenFile = dir.resolve("azure-identity-token");
        Files.writeString(tokenFile, SA_TOKEN);
    }

    @BeforeEach
    void reset() {
        stub.reset();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    private Map<String, String> env() {
        return Map.of(
                "AZURE_TENANT_ID",
                TENANT,
                "AZURE_CLIENT_ID",
                CLIENT,
                "AZURE_FEDERATED_TOKEN_FILE",
                tokenFile.toString(),
                "AZURE_AUTHORITY_HOST",
                stub.url() + "/");
    }

    private RestArmApi arm(Map<String, String> env) {
        var http = AzureHttp.client(Duration.ofSeconds(5), Optional.of(stub.trust()));
        TokenCredential credential =
                AzureCredentials.create(new AzureAuthConfig(null, null, null, null, null, null, null), env::get, http);
        return new RestArmApi(
                new ResourceManagerConfig(stub.url(), RestArmApiTest.SUB, "shop-dr", null, null, Duration.ofSeconds(5)),
                credential,
                http);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void theProjectedTokenIsExchangedAndTheBearerReachesArm() throws Exception {
        stub.on("/" + TENANT + "/oauth2/v2.0/token", r -> {
            Map<String, String> f = form(r.body());
            boolean ok = SA_TOKEN.equals(f.get("client_assertion"))
                    && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))
                    && CLIENT.equals(f.get("client_id"))
                    && f.getOrDefault("scope", "").contains(stub.url() + "/.default");
            return ok
                    ? Answer.json(
                            200,
                            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                                    + "\"access_token\":\"entra-token-for-arm\"}")
                    : Answer.json(400, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213\"}");
        });
        String servers = RestArmApiTest.fixture("mysql-servers.json", stub.url());
        stub.on(
                MYSQL,
                r -> "Bearer entra-token-for-arm".equals(r.header("Authorization"))
                        ? Answer.json(200, servers)
                        : Answer.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}"));

        assertThat(arm(env()).mysqlServers()).hasSize(2);
        assertThat(stub.count("/" + TENANT + "/oauth2/v2.0/token")).isEqualTo(1);
    }

    @Test
    void aRefusedAssertionIsAccessDeniedAndArmIsNotAsked() {
        stub.on(
                "/" + TENANT + "/oauth2/v2.0/token",
                Answer.json(
                        400,
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213: No matching federated"
                                + " identity record found for presented assertion subject\",\"error_codes\":[700213]}"));

        assertThatThrownBy(() -> arm(env()).mysqlServers()).isInstanceOfSatisfying(ExporterException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(e.getMessage()).doesNotContain(SA_TOKEN);
        });
        assertThat(stub.count(MYSQL)).isZero();
    }

    @Test
    void withoutTheFederatedTokenFileTheSignInFailsAsAccessDenied() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.remove("AZURE_FEDERATED_TOKEN_FILE");

        assertThatThrownBy(() -> arm(env).mysqlServers())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void aClientSecretIsReadFromItsFileAndSentOnlyToTheTokenEndpoint() throws Exception {
        Path secretFile = dir.resolve("client-secret");
        Files.writeString(secretFile, "s3cr3t-value~from-a-mounted-secret\n");
        stub.on(
                "/" + TENANT + "/oauth2/v2.0/token",
                r -> "s3cr3t-value~from-a-mounted-secret".equals(form(r.body()).get("client_secret"))
                        ? Answer.json(
                                200,
                                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"secret-token\"}")
                        : Answer.json(401, "{\"error\":\"invalid_client\"}"));
        stub.on(
                MYSQL,
                r -> "Bearer secret-token".equals(r.header("Authorization"))
                        ? Answer.json(200, "{\"value\":[]}")
                        : Answer.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}"));
        var http = AzureHttp.client(Duration.ofSeconds(5), Optional.of(stub.trust()));
        AzureAuthConfig auth = new AzureAuthConfig(
                AzureAuthConfig.CLIENT_SECRET, TENANT, CLIENT, null, secretFile.toString(), null, stub.url() + "/");
        RestArmApi arm = new RestArmApi(
                new ResourceManagerConfig(stub.url(), RestArmApiTest.SUB, "shop-dr", null, null, Duration.ofSeconds(5)),
                AzureCredentials.create(auth, name -> null, http),
                http);

        assertThat(arm.mysqlServers()).isEmpty();
        assertThat(stub.seen())
                .filteredOn(s -> s.pathAndQuery().startsWith(MYSQL))
                .allSatisfy(s -> assertThat(s.body() + s.headers()).doesNotContain("s3cr3t"));
    }

    @Test
    void aCertificateSignsTheClientAssertion() throws Exception {
        Path pem = rsaCertificatePem();
        stub.on("/" + TENANT + "/oauth2/v2.0/token", r -> {
            Map<String, String> f = form(r.body());
            String[] jwt = f.getOrDefault("client_assertion", "").split("\\.");
            boolean signed =
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))
                            && jwt.length == 3
                            && new String(java.util.Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8)
                                    .contains("RS256");
            return signed
                    ? Answer.json(
                            200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"cert-token\"}")
                    : Answer.json(401, "{\"error\":\"invalid_client\"}");
        });
        stub.on(
                MYSQL,
                r -> "Bearer cert-token".equals(r.header("Authorization"))
                        ? Answer.json(200, "{\"value\":[]}")
                        : Answer.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}"));
        var http = AzureHttp.client(Duration.ofSeconds(5), Optional.of(stub.trust()));
        AzureAuthConfig auth = new AzureAuthConfig(
                AzureAuthConfig.CLIENT_CERTIFICATE, TENANT, CLIENT, null, null, pem.toString(), stub.url() + "/");
        RestArmApi arm = new RestArmApi(
                new ResourceManagerConfig(stub.url(), RestArmApiTest.SUB, "shop-dr", null, null, Duration.ofSeconds(5)),
                AzureCredentials.create(auth, name -> null, http),
                http);

        assertThat(arm.mysqlServers()).isEmpty();
    }

    /** An RSA key pair and self-signed certificate from keytool, written as one PEM file as Azure expects it. */
    private static Path rsaCertificatePem() throws Exception {
        Path p12 = dir.resolve("client.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "client",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=tierlens-dr-reader",
                        "-validity",
                        "2",
                        "-keystore",
                        p12.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(ks.getCertificate("client").getEncoded())
                + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(
                        ks.getKey("client", "changeit".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path out = dir.resolve("client.pem");
        Files.writeString(out, pem);
        return out;
    }
}
