package io.tierlens.session.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.session.model.Layout;
import io.tierlens.session.model.NamespaceReport;
import io.tierlens.session.model.RedisHealth;
import io.tierlens.session.model.RedisInfo;
import io.tierlens.session.model.ScanStatus;
import io.tierlens.session.model.SessionModel;
import io.tierlens.session.model.SessionSample;
import io.tierlens.session.model.SessionTimes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SessionCollectorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void exposesTheSessionContract() throws Exception {
        SessionSample sample = new SessionSample(
                NOW,
                List.of(
                        session(Duration.ofSeconds(30), Duration.ofSeconds(5), 1800),
                        session(Duration.ofMinutes(20), Duration.ofMinutes(4), 1800),
                        session(Duration.ofHours(3), Duration.ofMinutes(2), 600),
                        // expired an hour ago, not yet cleaned: must not shape the histograms
                        session(Duration.ofHours(5), Duration.ofMinutes(90), 1800)),
                0,
                0);
        NamespaceReport ns = new NamespaceReport(
                "spring:session",
                Layout.INDEXED_MINUTE,
                OptionalLong.of(1234),
                NOW,
                OptionalLong.of(987),
                OptionalLong.of(3),
                Optional.of(new ScanStatus(true, 4500)),
                sample,
                OptionalLong.of(1237));
        RedisHealth up = RedisHealth.fromInfo(
                "redis-a:6379",
                RedisInfo.parse("used_memory:1000\r\nmaxmemory:4000\r\nconnected_clients:7\r\nevicted_keys:2\r\n"
                        + "keyspace_hits:50\r\nkeyspace_misses:5\r\n"));
        String text = render(
                SessionCollector.collect(new SessionModel(List.of(ns), List.of(up, RedisHealth.down("redis-b:6379")))));

        assertThat(text)
                .contains("tierlens_session_store_info{layout=\"indexed_minute\",namespace=\"spring:session\"} 1")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 1234.0")
                .contains("tierlens_session_principals{namespace=\"spring:session\"} 987.0")
                .contains("tierlens_session_expiry_backlog{namespace=\"spring:session\"} 3.0")
                .contains("tierlens_session_scan_truncated{namespace=\"spring:session\"} 1.0")
                .contains("tierlens_session_scan_keys_examined{namespace=\"spring:session\"} 4500.0")
                .contains("tierlens_session_max_inactive_interval_seconds{namespace=\"spring:session\",value=\"600\"}"
                        + " 600.0")
                .contains("tierlens_session_max_inactive_interval_seconds{namespace=\"spring:session\",value=\"1800\"}"
                        + " 1800.0")
                .contains("tierlens_session_age_seconds_bucket{namespace=\"spring:session\",le=\"60.0\"} 1")
                .contains("tierlens_session_age_seconds_bucket{namespace=\"spring:session\",le=\"1800.0\"} 2")
                .contains("tierlens_session_age_seconds_bucket{namespace=\"spring:session\",le=\"14400.0\"} 3")
                .contains("tierlens_session_age_seconds_bucket{namespace=\"spring:session\",le=\"+Inf\"} 3")
                .contains("tierlens_session_age_seconds_count{namespace=\"spring:session\"} 3")
                .contains("tierlens_session_idle_seconds_bucket{namespace=\"spring:session\",le=\"10.0\"} 1")
                .contains("tierlens_session_idle_seconds_bucket{namespace=\"spring:session\",le=\"300.0\"} 3")
                .contains("tierlens_session_idle_seconds_sum{namespace=\"spring:session\"} 365.0")
                .contains("tierlens_redis_up{instance=\"redis-a:6379\"} 1.0")
                .contains("tierlens_redis_up{instance=\"redis-b:6379\"} 0.0")
                .contains("tierlens_redis_used_memory_bytes{instance=\"redis-a:6379\"} 1000.0")
                .contains("tierlens_redis_maxmemory_bytes{instance=\"redis-a:6379\"} 4000.0")
                .contains("tierlens_redis_connected_clients{instance=\"redis-a:6379\"} 7.0")
                .contains("# TYPE tierlens_redis_evicted_keys_total counter")
                .contains("tierlens_redis_evicted_keys_total{instance=\"redis-a:6379\"} 2.0")
                .contains("tierlens_redis_keyspace_hits_total{instance=\"redis-a:6379\"} 50.0")
                .contains("tierlens_redis_keyspace_misses_total{instance=\"redis-a:6379\"} 5.0");
        assertThat(text)
                .as("a down node has no made-up figures")
                .doesNotContain("used_memory_bytes{instance=\"redis-b");
    }

    @Test
    void leavesOutWhatWasNotMeasured() throws Exception {
        NamespaceReport plainFirstPass = new NamespaceReport(
                "spring:session",
                Layout.PLAIN,
                OptionalLong.empty(),
                NOW,
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.of(new ScanStatus(true, 100)),
                SessionSample.empty(NOW),
                OptionalLong.empty());
        String text = render(SessionCollector.collect(new SessionModel(List.of(plainFirstPass), List.of())));
        assertThat(text)
                .contains("layout=\"plain\"")
                .contains("tierlens_session_scan_truncated{namespace=\"spring:session\"} 1.0")
                .doesNotContain("tierlens_session_active")
                .doesNotContain("tierlens_session_principals")
                .doesNotContain("tierlens_session_namespace_keys")
                .doesNotContain("tierlens_session_age_seconds");
    }

    @Test
    void boundsTheNumberOfTimeoutValues() throws Exception {
        List<SessionTimes> many = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            many.add(session(Duration.ofSeconds(1), Duration.ofSeconds(1), 600 + i));
        }
        NamespaceReport ns = new NamespaceReport(
                "n",
                Layout.INDEXED_SORTED_SET,
                OptionalLong.of(50),
                NOW,
                OptionalLong.empty(),
                OptionalLong.of(0),
                Optional.empty(),
                new SessionSample(NOW, many, 0, 0),
                OptionalLong.of(50));
        MetricSnapshots s = SessionCollector.collect(new SessionModel(List.of(ns), List.of()));
        assertThat(s.stream()
                        .filter(m -> m.getMetadata().getName().equals("tierlens_session_max_inactive_interval_seconds"))
                        .findFirst()
                        .orElseThrow()
                        .getDataPoints())
                .hasSize(SessionCollector.MAX_INACTIVE_VALUES);
    }

    private static SessionTimes session(Duration age, Duration idle, int maxInactiveSeconds) {
        return new SessionTimes(NOW.minus(age), NOW.minus(idle), Duration.ofSeconds(maxInactiveSeconds));
    }

    static String render(MetricSnapshots s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, s, EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(StandardCharsets.UTF_8);
    }
}
