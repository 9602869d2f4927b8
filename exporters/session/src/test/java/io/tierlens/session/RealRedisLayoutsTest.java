package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.testing.DemoRedisServer;
import io.tierlens.session.testing.SpringSessionWriter;
import io.tierlens.session.testing.SpringSessionWriter.Store;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.RedisClient;

/**
 * Every layout against a real redis-server, with sessions written the way Spring Session writes them: live
 * sessions with two timeouts, sessions expired an hour... five minutes ago that nobody cleaned up, logged-out
 * sessions (whose hash lingers for the grace period), a principal index, another namespace and cache keys.
 */
class RealRedisLayoutsTest {
    private static final String NS = "spring:session";
    private static DemoRedisServer server;
    private static RedisClient redis;

    @BeforeAll
    static void start() {
        server = DemoRedisServer.start();
        redis = RealRedis.client(server);
    }

    @AfterAll
    static void stop() {
        redis.close();
        server.close();
    }

    @BeforeEach
    void flush() {
        redis.flushAll();
    }

    /** 40 live sessions of 25 users, 5 expired and not cleaned, 3 logged out; plus noise. */
    private void populate(Store store) {
        SpringSessionWriter w = new SpringSessionWriter(redis, NS, store);
        for (int i = 0; i < 40; i++) {
            Duration timeout = i < 10 ? Duration.ofMinutes(10) : Duration.ofMinutes(30);
            w.create(RealRedis.session(
                    Duration.ofMinutes(5 + i), Duration.ofSeconds(10 + i * 5), timeout, "user-" + (i % 25)));
        }
        for (int i = 0; i < 5; i++) {
            // expired five minutes ago; Spring Session's cleanup job has not run
            w.create(RealRedis.session(
                    Duration.ofMinutes(50), Duration.ofMinutes(35), Duration.ofMinutes(30), "user-" + i));
        }
        for (int i = 0; i < 3; i++) {
            SpringSessionWriter.Session s = RealRedis.session(
                    Duration.ofMinutes(20), Duration.ofMinutes(3), Duration.ofMinutes(30), "user-" + i);
            w.create(s);
            w.delete(s);
        }
        new SpringSessionWriter(redis, "other:session", store)
                .create(RealRedis.session(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(30), "zed"));
        RealRedis.cacheKeys(redis, 200);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void countsExactlyTheLiveSessions(Store store) throws Exception {
        populate(store);
        RefreshResult r = RealRedis.exporter(RealRedis.config(server.address())).refresh();
        String text = RealRedis.text(r);
        assertThat(r.partialFailures()).isEmpty();
        String layout = switch (store) {
            case PLAIN -> "plain";
            case INDEXED_MINUTE -> "indexed_minute";
            case INDEXED_SORTED_SET -> "indexed_sorted_set";
        };
        assertThat(text)
                .contains("tierlens_session_store_info{layout=\"" + layout + "\",namespace=\"spring:session\"} 1")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 40.0")
                .contains("tierlens_session_age_seconds_count{namespace=\"spring:session\"} 40")
                .contains("tierlens_session_idle_seconds_count{namespace=\"spring:session\"} 40")
                .contains("tierlens_session_max_inactive_interval_seconds{namespace=\"spring:session\",value=\"600\"}")
                .contains("tierlens_session_max_inactive_interval_seconds{namespace=\"spring:session\",value=\"1800\"}")
                .contains("tierlens_redis_up{instance=\"" + server.address() + "\"} 1.0")
                .doesNotContain("other:session");
        if (store == Store.PLAIN) {
            // Redis itself deleted the expired ones at their PEXPIREAT; logouts are DELs; no index exists
            assertThat(text)
                    .contains("tierlens_session_expiry_backlog{namespace=\"spring:session\"} 0.0")
                    .doesNotContain("tierlens_session_principals");
        } else {
            assertThat(text)
                    .as("5 expired + 3 logged out, none processed by a cleanup job")
                    .contains("tierlens_session_expiry_backlog{namespace=\"spring:session\"} 8.0")
                    .contains("tierlens_session_principals{namespace=\"spring:session\"} 25.0");
        }
    }

    @Test
    void theCleanupJobDrainsTheMinuteBacklog() throws Exception {
        populate(Store.INDEXED_MINUTE);
        SessionExporter e = RealRedis.exporter(RealRedis.config(server.address()));
        assertThat(RealRedis.text(e.refresh())).contains("expiry_backlog{namespace=\"spring:session\"} 8.0");
        // run the application's cleanup for each past minute, as a cron that had been stalled would catch up
        SpringSessionWriter w = new SpringSessionWriter(redis, NS, Store.INDEXED_MINUTE);
        for (int m = 0; m <= 10; m++) {
            w.cleanupExpired(java.time.Instant.now().minus(Duration.ofMinutes(m)), java.util.Map.of());
        }
        String after = RealRedis.text(e.refresh());
        assertThat(after)
                .contains("expiry_backlog{namespace=\"spring:session\"} 0.0")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 40.0");
    }

    @Test
    void aForcedScanOfAnIndexedNamespaceNeverCountsExpiresKeys() throws Exception {
        populate(Store.INDEXED_MINUTE);
        assertThat(redis.keys(NS + ":sessions:expires:*")).hasSizeGreaterThanOrEqualTo(40);
        SessionConfig forced = new SessionConfig(
                null,
                null,
                null,
                RedisConfig.standalone(server.address()),
                List.of(NS),
                SessionConfig.LayoutSetting.PLAIN,
                null,
                null,
                null,
                null,
                null);
        String text = RealRedis.text(RealRedis.exporter(forced).refresh());
        // every hash: 40 live, 5 expired (TTL includes the 5-minute grace), 3 logged out (grace)
        assertThat(text).contains("tierlens_session_active{namespace=\"spring:session\"} 48.0");
    }

    @Test
    void anEmptyIndexedNamespaceStaysIndexedInsteadOfScanning() throws Exception {
        SpringSessionWriter w = new SpringSessionWriter(redis, NS, Store.INDEXED_SORTED_SET);
        SpringSessionWriter.Session s =
                RealRedis.session(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(30), "solo");
        w.create(s);
        SessionExporter e = RealRedis.exporter(RealRedis.config(server.address()));
        assertThat(RealRedis.text(e.refresh())).contains("layout=\"indexed_sorted_set\"");
        redis.flushAll();
        String text = RealRedis.text(e.refresh());
        assertThat(text)
                .contains("layout=\"indexed_sorted_set\"")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 0.0");
    }
}
