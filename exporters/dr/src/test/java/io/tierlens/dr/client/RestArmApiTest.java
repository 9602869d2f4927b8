package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.ResourceManagerConfig;
import io.tierlens.dr.model.SiteResource;
import io.tierlens.dr.model.SiteResourceKind;
import io.tierlens.dr.testing.HttpsStub;
import io.tierlens.dr.testing.HttpsStub.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** ARM's REST protocol against a local HTTPS stub answering with the shapes of the ARM reference. */
class RestArmApiTest {
    static final String SUB = "8f3c2b1a-1111-2222-3333-444455556666";
    static final String GROUP = "/subscriptions/" + SUB + "/resourceGroups/shop-dr/providers/";
    static final String VMS = GROUP + "Microsoft.Compute/virtualMachines";
    static final String MYSQL = GROUP + "Microsoft.DBforMySQL/flexibleServers";
    static final TokenCredential TOKEN = request ->
            Mono.just(new AccessToken("arm-token-1", OffsetDateTime.now().plusHours(1)));

    @TempDir
    static Path dir;

    private static HttpsStub arm;

    @BeforeAll
    static void start() throws Exception {
        arm = new HttpsStub(dir);
    }

    @BeforeEach
    void reset() {
        arm.reset();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    static String fixture(String name, String base) throws IOException {
        try (InputStream in = RestArmApiTest.class.getResourceAsStream("/arm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{base}}", base)
                    .replace("{{sub}}", SUB);
        }
    }

    private RestArmApi api(Duration timeout) {
        return api(timeout, TOKEN);
    }

    private RestArmApi api(Duration timeout, TokenCredential credential) {
        ResourceManagerConfig c = new ResourceManagerConfig(arm.url(), SUB, "shop-dr", null, null, timeout);
        return new RestArmApi(c, credential, AzureHttp.client(timeout, Optional.of(arm.trust())));
    }

    /** Page 1 of the VM list points at page 2 with a skip token; both VMs have an instance view. */
    void serveVms() throws IOException {
        String page1 = fixture("vms-page1.json", arm.url());
        String page2 = fixture("vms-page2.json", arm.url());
        arm.on(VMS, r -> Answer.json(200, r.pathAndQuery().contains("skiptoken") ? page2 : page1));
        arm.on(VMS + "/shop-dr-web/instanceView", Answer.json(200, fixture("instanceview-running.json", "")));
        arm.on(VMS + "/shop-dr-batch/instanceView", Answer.json(200, fixture("instanceview-deallocated.json", "")));
    }

    @Test
    void followsNextLinkAndReadsEachVmsInstanceViewWithTheBearerToken() throws Exception {
        serveVms();

        List<SiteResource> vms = api(Duration.ofSeconds(5)).virtualMachines();

        assertThat(vms)
                .containsExactly(
                        new SiteResource(
                                SiteResourceKind.VIRTUAL_MACHINE,
                                "shop-dr-web",
                                "running",
                                "succeeded",
                                Optional.empty(),
                                true,
                                Optional.empty()),
                        new SiteResource(
                                SiteResourceKind.VIRTUAL_MACHINE,
                                "shop-dr-batch",
                                "deallocated",
                                "succeeded",
                                Optional.empty(),
                                false,
                                Optional.empty()));
        assertThat(arm.seen())
                .allSatisfy(s -> assertThat(s.header("Authorization")).isEqualTo("Bearer arm-token-1"));
        assertThat(arm.seen())
                .extracting(HttpsStub.Seen::pathAndQuery)
                .contains(VMS + "?api-version=" + RestArmApi.COMPUTE_API)
                .anyMatch(p -> p.contains("skiptoken"));
    }

    @Test
    void onlyTheConfiguredVmsAreReadWhenNamed() throws Exception {
        serveVms();
        ResourceManagerConfig c = new ResourceManagerConfig(
                arm.url(), SUB, "shop-dr", List.of("shop-dr-web"), null, Duration.ofSeconds(5));

        List<SiteResource> vms = new RestArmApi(
                        c, TOKEN, AzureHttp.client(Duration.ofSeconds(5), Optional.of(arm.trust())))
                .virtualMachines();

        assertThat(vms).extracting(SiteResource::name).containsExactly("shop-dr-web");
        assertThat(arm.count(VMS + "/shop-dr-batch")).isZero();
    }

    @Test
    void readsMySqlStateReplicationRoleAndEarliestRestore() throws Exception {
        arm.on(MYSQL, Answer.json(200, fixture("mysql-servers.json", arm.url())));

        List<SiteResource> servers = api(Duration.ofSeconds(5)).mysqlServers();

        assertThat(servers)
                .containsExactly(
                        new SiteResource(
                                SiteResourceKind.MYSQL_FLEXIBLE_SERVER,
                                "shop-dr-db",
                                "ready",
                                "unknown",
                                Optional.of("replica"),
                                true,
                                Optional.of(Instant.parse("2026-11-28T00:15:37.467Z"))),
                        new SiteResource(
                                SiteResourceKind.MYSQL_FLEXIBLE_SERVER,
                                "shop-dr-db-old",
                                "stopped",
                                "unknown",
                                Optional.of("none"),
                                false,
                                Optional.of(Instant.parse("2026-11-29T00:00:00Z"))));
        assertThat(arm.seen().get(0).pathAndQuery()).isEqualTo(MYSQL + "?api-version=" + RestArmApi.MYSQL_API);
    }

    @Test
    void forbiddenIsAccessDeniedWithArmsCodeButNotItsMessage() {
        arm.on(
                MYSQL,
                Answer.json(
                        403,
                        "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client"
                                + " 'a1b2c3d4-0000-0000-0000-000000000001' with object id"
                                + " 'a1b2c3d4-0000-0000-0000-000000000001' does not have authorization to perform action"
                                + " 'Microsoft.DBforMySQL/flexibleServers/read'\"}}"));

        assertThatThrownBy(() -> api(Duration.ofSeconds(5)).mysqlServers())
                .isInstanceOfSatisfying(ExporterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("403").contains("AuthorizationFailed");
                    assertThat(e.getMessage()).doesNotContain("a1b2c3d4");
                });
    }

    @Test
    void anExpiredTokenIsAccessDenied() {
        arm.on(MYSQL, Answer.json(401, "{\"error\":{\"code\":\"ExpiredAuthenticationToken\"}}"));

        assertThatThrownBy(() -> api(Duration.ofSeconds(5)).mysqlServers())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
    }

    @Test
    void throttlingCarriesRetryAfter() {
        arm.on(
                VMS,
                new Answer(
                        429,
                        "{\"error\":{\"code\":\"TooManyRequests\"}}",
                        Map.of("Content-Type", "application/json", "Retry-After", "120"),
                        0));

        assertThatThrownBy(() -> api(Duration.ofSeconds(5)).virtualMachines())
                .isInstanceOfSatisfying(ArmThrottledException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.THROTTLED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                });
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedSoTheTokenStaysHome() {
        arm.on(
                VMS,
                Answer.json(
                        200,
                        "{\"value\":[],\"nextLink\":\"https://collector.example.net" + VMS
                                + "?api-version=2024-07-01\"}"));

        assertThatThrownBy(() -> api(Duration.ofSeconds(5)).virtualMachines())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_RESPONSE));
    }

    @Test
    void aSlowAnswerIsATimeoutWithinTheLimit() {
        arm.on(MYSQL, new Answer(200, "{\"value\":[]}", Map.of(), 4_000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> api(Duration.ofMillis(800)).mysqlServers())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anOversizedOrGarbledAnswerIsInvalid() {
        arm.on(MYSQL, Answer.json(200, "{\"value\":[\"" + "x".repeat(RestArmApi.MAX_BODY) + "\"]}"));
        arm.on(VMS, Answer.json(200, "<html>proxy error</html>"));

        assertThatThrownBy(() -> api(Duration.ofSeconds(10)).mysqlServers())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_RESPONSE));
        assertThatThrownBy(() -> api(Duration.ofSeconds(5)).virtualMachines())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_RESPONSE));
    }

    @Test
    void hostileStatesBecomeShortPlainLabels() throws Exception {
        arm.on(
                MYSQL,
                Answer.json(
                        200,
                        "{\"value\":[{\"name\":\"db\\n{evil=\\\"1\\\"}\",\"properties\":{\"state\":\""
                                + "Weird State!".repeat(20) + "\",\"replicationRole\":\"Source\"}}]}"));

        SiteResource r = api(Duration.ofSeconds(5)).mysqlServers().get(0);

        assertThat(r.name()).matches("[A-Za-z0-9_.\\-]+");
        assertThat(r.state()).matches("[a-z0-9_]{1,40}");
        assertThat(r.ready()).isFalse();
        assertThat(r.replicationRole()).contains("source");
    }

    @Test
    void aFailingSignInIsAccessDeniedAndNoRequestIsSent() {
        TokenCredential failing = AzureCredentials.unavailable("missing client_id / AZURE_CLIENT_ID");

        assertThatThrownBy(() -> api(Duration.ofSeconds(5), failing).mysqlServers())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(arm.seen()).isEmpty();
    }
}
