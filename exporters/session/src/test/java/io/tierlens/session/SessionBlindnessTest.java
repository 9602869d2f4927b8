package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.RedisServerProcess;
import io.tierlens.core.testing.Scraped;
import io.tierlens.session.client.RedisAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, Redis rows of the blindness matrix (docs/failure-modes.md): with Redis down from the start, gone after
 * a good read, or refusing our password, the Redis target is down with its reason and its data age grows, while
 * nothing pretends to be fresh.
 */
class SessionBlindnessTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);

    private static TargetStatus only(RefreshResult r) {
        assertThat(r.targets()).hasSize(1);
        return r.targets().get(0);
    }

    private double self(ExporterSuite suite, String name, String target) {
        return Scraped.value(suite.collect(), name, "exporter", "session", "target", target)
                .orElseThrow();
    }

    @Test
    void redisDownFromTheStartIsDownAndItsDataAgeCountsFromTheStart() throws Exception {
        String address = "127.0.0.1:" + RedisServerProcess.freePort();
        SessionExporter exporter = RealRedis.exporter(RealRedis.config(address));
        ExporterRunner runner = new ExporterRunner(exporter, self, clock, 1000);
        ExporterSuite suite = new ExporterSuite(List.of(runner), clock);

        clock.advance(Duration.ofSeconds(30));
        runner.refreshOnce();
        clock.advance(Duration.ofMinutes(5));

        assertThat(self(suite, "tierlens_target_up", address)).isZero();
        assertThat(Scraped.value(suite.collect(), "tierlens_exporter_up", "exporter", "session"))
                .hasValue(0);
        // Before the fix the age was that of the failed attempt (0-5 s) while no session figure was served.
        assertThat(self(suite, "tierlens_data_age_seconds", address)).isEqualTo(330);
        assertThat(Scraped.counter(
                        registry,
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "session",
                        "target",
                        address,
                        "reason",
                        RedisAccessException.UNREACHABLE))
                .isEqualTo(1);
        exporter.close();
    }

    @Test
    void aWrongPasswordIsTheRedisTargetDownWithAuthFailed(@TempDir Path dir) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start("--requirepass", "right-pw")) {
            Path pw = dir.resolve("pw");
            Files.writeString(pw, "wrong-pw");
            SessionConfig config = RealRedis.config(redis.address())
                    .withRedis(RedisConfig.standalone(redis.address()).withPasswordFile(pw.toString()));
            SessionExporter exporter = RealRedis.exporter(config);

            TargetStatus s = only(exporter.refresh());

            assertThat(s.target()).isEqualTo(redis.address());
            assertThat(s.up()).isFalse();
            assertThat(s.reasons()).contains(RedisAccessException.AUTH_FAILED);
            assertThat(s.dataTimestamp()).isEmpty();
            exporter.close();
        }
    }

    @Test
    void redisStoppedAfterAGoodReadKeepsItsFiguresWithAGrowingAge() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            SessionExporter exporter = RealRedis.exporter(RealRedis.config(redis.address()));
            ExporterRunner runner = new ExporterRunner(exporter, self, clock, 1000);
            ExporterSuite suite = new ExporterSuite(List.of(runner), clock);
            runner.refreshOnce();
            assertThat(self(suite, "tierlens_target_up", redis.address())).isEqualTo(1);

            redis.stop();
            clock.advance(Duration.ofMinutes(2));
            runner.refreshOnce();

            assertThat(self(suite, "tierlens_target_up", redis.address())).isZero();
            assertThat(runner.state().target(redis.address()).orElseThrow().reasons())
                    .containsExactly(RedisAccessException.UNREACHABLE);
            assertThat(Scraped.names(suite.collect())).contains("tierlens_session_active");
            exporter.close();
        }
    }
}
