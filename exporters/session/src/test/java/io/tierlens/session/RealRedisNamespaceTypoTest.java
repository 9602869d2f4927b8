package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.testing.LogCapture;
import io.tierlens.session.discovery.NamespaceSurveyor;
import io.tierlens.session.testing.DemoRedisServer;
import io.tierlens.session.testing.SpringSessionWriter;
import io.tierlens.session.testing.SpringSessionWriter.Store;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** A mistyped namespace gave "0 sessions" with no word of warning (issue 12). */
class RealRedisNamespaceTypoTest {
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

    @Test
    void aNamespaceWithNoKeysIsExportedAsZeroKeysAndWarnedAboutOnce() throws Exception {
        redis.flushAll();
        SpringSessionWriter w = new SpringSessionWriter(redis, "spring:session", Store.INDEXED_MINUTE);
        for (int i = 0; i < 3; i++) {
            w.create(RealRedis.session(
                    Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(30), "user-" + i));
        }
        SessionConfig config =
                RealRedis.config(server.address()).withNamespaces(List.of("spring:session", "spring:sesion"));
        SessionExporter exporter = RealRedis.exporter(config);

        String text;
        try (LogCapture log = LogCapture.of(NamespaceSurveyor.class)) {
            text = RealRedis.text(exporter.refresh());
            exporter.refresh();
            assertThat(log.warnings())
                    .singleElement()
                    .satisfies(m -> assertThat(m).contains("spring:sesion").doesNotContain("spring:session'"));
        }
        assertThat(text)
                .contains("tierlens_session_namespace_keys{namespace=\"spring:session\"} 3.0")
                .contains("tierlens_session_namespace_keys{namespace=\"spring:sesion\"} 0.0");
    }
}
