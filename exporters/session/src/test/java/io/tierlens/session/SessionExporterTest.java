package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.client.RawSessionFields;
import io.tierlens.session.client.RedisAccessException;
import io.tierlens.session.discovery.Pacer;
import io.tierlens.session.model.SessionKeys;
import io.tierlens.session.testing.SpringSessionWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The exporter's failure handling, against an in-memory store: no I/O. */
class SessionExporterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final FakeSessionStore store = new FakeSessionStore();
    private final AtomicInteger opened = new AtomicInteger();
    private final SessionKeys keys = new SessionKeys("spring:session");

    private SessionExporter exporter() {
        SessionConfig config = SessionConfig.defaults();
        return new SessionExporter(
                config,
                clock,
                c -> {
                    opened.incrementAndGet();
                    store.closed = false;
                    return store;
                },
                Pacer.NONE,
                new Random(3));
    }

    private void addSessions(int n) {
        Instant now = clock.instant();
        for (int i = 0; i < n; i++) {
            store.hash(
                    keys.sessionKey("id-" + i),
                    new RawSessionFields(
                            Optional.of(SpringSessionWriter.jdk(
                                    now.minusSeconds(600).toEpochMilli())),
                            Optional.of(
                                    SpringSessionWriter.jdk(now.minusSeconds(60).toEpochMilli())),
                            Optional.of(SpringSessionWriter.jdk(1800))));
        }
    }

    @Test
    void countsAPlainNamespaceAndReportsRedis() throws Exception {
        addSessions(25);
        RefreshResult r = exporter().refresh();
        String text = io.tierlens.session.collector.SessionCollectorTestAccess.render(r.data());
        assertThat(r.partialFailures()).isEmpty();
        assertThat(text)
                .contains("layout=\"plain\"")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 25.0")
                .contains("tierlens_session_age_seconds_count{namespace=\"spring:session\"} 25")
                .contains("tierlens_redis_up{instance=\"fake:6379\"} 1.0");
    }

    @Test
    void aWrongPasswordKeepsTheLastGoodDataAndSaysWhy() throws Exception {
        addSessions(7);
        SessionExporter e = exporter();
        e.refresh();
        Instant goodAt = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        store.failWith(new RedisAccessException(RedisAccessException.AUTH_FAILED, "Redis at fake:6379 rejected"));

        RefreshResult r = e.refresh();
        String text = io.tierlens.session.collector.SessionCollectorTestAccess.render(r.data());
        assertThat(r.partialFailures())
                .extracting(RefreshResult.PartialFailure::reason)
                .containsExactly("auth_failed");
        assertThat(text)
                .contains("tierlens_redis_up{instance=\"fake:6379\"} 0.0")
                .as("last good session figures are still served")
                .contains("tierlens_session_active{namespace=\"spring:session\"} 7.0");
        assertThat(r.dataTimestamp()).as("their age shows").isEqualTo(goodAt);
        assertThat(store.closed).as("the password is read again next time").isTrue();

        store.failWith(null);
        clock.advance(Duration.ofSeconds(30));
        RefreshResult recovered = e.refresh();
        assertThat(recovered.partialFailures()).isEmpty();
        assertThat(opened.get()).isEqualTo(2);
        assertThat(recovered.dataTimestamp()).isEqualTo(clock.instant());
    }

    @Test
    void dropsSessionFiguresOlderThanMaxStaleness() throws Exception {
        addSessions(3);
        SessionExporter e = exporter();
        e.refresh();
        store.failWith(new RedisAccessException(RedisAccessException.UNREACHABLE, "cannot reach"));
        clock.advance(Duration.ofMinutes(6));
        String text = io.tierlens.session.collector.SessionCollectorTestAccess.render(
                e.refresh().data());
        assertThat(text)
                .doesNotContain("tierlens_session_active")
                .contains("tierlens_redis_up{instance=\"fake:6379\"} 0.0");
    }

    @Test
    void plainScanPassesAreSpacedByTheScanInterval() throws Exception {
        addSessions(10);
        SessionExporter e = exporter();
        e.refresh();
        int afterFirst = store.scanCalls.get();
        assertThat(afterFirst).isPositive();
        clock.advance(Duration.ofSeconds(15));
        e.refresh();
        clock.advance(Duration.ofSeconds(15));
        String text = io.tierlens.session.collector.SessionCollectorTestAccess.render(
                e.refresh().data());
        assertThat(store.scanCalls.get())
                .as("no pass within 45 s of the last one")
                .isEqualTo(afterFirst);
        assertThat(text)
                .contains("tierlens_session_active{namespace=\"spring:session\"} 10.0")
                .contains("tierlens_session_scan_keys_examined{namespace=\"spring:session\"} 0.0");
        clock.advance(Duration.ofSeconds(15));
        e.refresh();
        assertThat(store.scanCalls.get()).isGreaterThan(afterFirst);
    }

    @Test
    void closingClosesTheStore() throws Exception {
        SessionExporter e = exporter();
        e.refresh();
        e.close();
        assertThat(store.closed).isTrue();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
