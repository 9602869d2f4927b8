package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.testing.DemoRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/** Passwords, wrong passwords, a Redis that goes away, and a restart in the middle of a SCAN pass. */
class RealRedisFailuresTest {

    @Test
    void readsAPasswordProtectedRedisWithThePasswordFromAFile(@TempDir Path dir) throws Exception {
        try (DemoRedisServer server = DemoRedisServer.start("requirepass s3cret-pw");
                RedisClient redis = RealRedis.client(server, "s3cret-pw")) {
            RealRedis.loadPlain(redis, "spring:session", 12);
            Path pw = dir.resolve("redis-password");
            Files.writeString(pw, "s3cret-pw\n");
            SessionConfig config = RealRedis.config(server.address())
                    .withRedis(RedisConfig.standalone(server.address()).withPasswordFile(pw.toString()));
            RefreshResult r = RealRedis.exporter(config).refresh();
            assertThat(r.partialFailures()).isEmpty();
            assertThat(RealRedis.text(r))
                    .contains("tierlens_session_active{namespace=\"spring:session\"} 12.0")
                    .contains("tierlens_redis_up{instance=\"" + server.address() + "\"} 1.0");
        }
    }

    @Test
    @SuppressWarnings("deprecation") // CONFIG RESETSTAT / CLIENT KILL have no typed method on UnifiedJedis
    void aWrongPasswordIsAClearAuthFailureAndTheLastGoodDataStays(@TempDir Path dir) throws Exception {
        try (DemoRedisServer server = DemoRedisServer.start("requirepass first-pw");
                RedisClient redis = RealRedis.client(server, "first-pw")) {
            RealRedis.loadPlain(redis, "spring:session", 9);
            Path pw = dir.resolve("redis-password");
            Files.writeString(pw, "first-pw");
            SessionExporter e = RealRedis.exporter(RealRedis.config(server.address())
                    .withRedis(RedisConfig.standalone(server.address()).withPasswordFile(pw.toString())));
            RefreshResult good = e.refresh();
            assertThat(good.partialFailures()).isEmpty();

            // the password is rotated on the server and every client is thrown out; our secret is still the old one
            redis.configSet("requirepass", "second-pw");
            redis.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "normal");

            RefreshResult bad = e.refresh();
            assertThat(bad.partialFailures()).isNotEmpty().allSatisfy(f -> {
                assertThat(f.reason()).isEqualTo("auth_failed");
                assertThat(f.message())
                        .contains("rejected our credentials")
                        .contains(server.address())
                        .doesNotContain("first-pw")
                        .doesNotContain("second-pw");
            });
            assertThat(RealRedis.text(bad))
                    .contains("tierlens_redis_up{instance=\"" + server.address() + "\"} 0.0")
                    .contains("tierlens_session_active{namespace=\"spring:session\"} 9.0");
            assertThat(bad.dataTimestamp()).isEqualTo(good.dataTimestamp());

            // the new secret is mounted: the exporter reads the file again and recovers without a restart
            Files.writeString(pw, "second-pw\n");
            RefreshResult recovered = e.refresh();
            assertThat(recovered.partialFailures()).isEmpty();
            assertThat(RealRedis.text(recovered))
                    .contains("tierlens_redis_up{instance=\"" + server.address() + "\"} 1.0");
        }
    }

    @Test
    void noPasswordForAProtectedRedisSaysSo() throws Exception {
        try (DemoRedisServer server = DemoRedisServer.start("requirepass needed")) {
            RefreshResult r =
                    RealRedis.exporter(RealRedis.config(server.address())).refresh();
            assertThat(r.partialFailures())
                    .extracting(RefreshResult.PartialFailure::reason)
                    .containsOnly("auth_failed");
            assertThat(r.partialFailures().get(0).message()).contains("requires a password");
        }
    }

    @Test
    void aRedisThatGoesAwayIsDownWhileTheLastCountIsServed() throws Exception {
        try (DemoRedisServer server = DemoRedisServer.start()) {
            try (RedisClient redis = RealRedis.client(server)) {
                RealRedis.loadPlain(redis, "spring:session", 5);
            }
            SessionExporter e = RealRedis.exporter(RealRedis.config(server.address()));
            RefreshResult good = e.refresh();
            server.stopServer();
            RefreshResult down = e.refresh();
            assertThat(down.partialFailures())
                    .extracting(RefreshResult.PartialFailure::reason)
                    .containsOnly("unreachable");
            assertThat(RealRedis.text(down))
                    .contains("tierlens_redis_up{instance=\"" + server.address() + "\"} 0.0")
                    .contains("tierlens_session_active{namespace=\"spring:session\"} 5.0");
            assertThat(down.dataTimestamp()).isEqualTo(good.dataTimestamp());
        }
    }

    @Test
    void aRestartInTheMiddleOfAScanPassNeverMixesTwoKeyspaces() throws Exception {
        try (DemoRedisServer server = DemoRedisServer.start()) {
            try (RedisClient redis = RealRedis.client(server)) {
                RealRedis.loadPlain(redis, "spring:session", 3000);
            }
            // at most ~700 keys per cycle: a pass over 3000 needs several cycles
            SessionConfig config =
                    RealRedis.config(server.address()).withScan(new ScanConfig(100, null, null, 700L, null));
            SessionExporter e = RealRedis.exporter(config);
            String first = RealRedis.text(e.refresh());
            assertThat(first)
                    .contains("tierlens_session_scan_truncated{namespace=\"spring:session\"} 1.0")
                    .as("no partial count before the first complete pass")
                    .doesNotContain("tierlens_session_active");
            e.refresh();

            server.restart();
            try (RedisClient redis = RealRedis.client(server)) {
                RealRedis.loadPlain(redis, "spring:session", 1200);
            }
            String text = "";
            for (int i = 0; i < 20 && !text.contains("tierlens_session_active"); i++) {
                text = RealRedis.text(e.refresh());
            }
            assertThat(text).contains("tierlens_session_active{namespace=\"spring:session\"} 1200.0");
        }
    }
}
