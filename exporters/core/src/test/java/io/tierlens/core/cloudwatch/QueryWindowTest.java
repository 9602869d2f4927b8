package io.tierlens.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryWindowTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void endIsTheLastPeriodBoundaryBeforeTheSettleDelay() {
        QueryWindow w = QueryWindow.at(Instant.parse("2026-01-01T12:05:30Z"), MINUTE, Duration.ofSeconds(120), 5);

        assertThat(w.end()).isEqualTo("2026-01-01T12:03:00Z");
        assertThat(w.start()).isEqualTo("2026-01-01T11:58:00Z");
        assertThat(w.newestPeriodStart()).isEqualTo("2026-01-01T12:02:00Z");
        assertThat(w.period()).isEqualTo(MINUTE);
    }

    @Test
    void periodEndingExactlyWhenTheDelayEndsIsIncluded() {
        QueryWindow w = QueryWindow.at(Instant.parse("2026-01-01T12:05:00Z"), MINUTE, Duration.ofSeconds(120), 1);

        assertThat(w.start()).isEqualTo("2026-01-01T12:02:00Z");
        assertThat(w.end()).isEqualTo("2026-01-01T12:03:00Z");
    }

    @Test
    void fiveMinutePeriodsAlignToFiveMinuteBoundaries() {
        QueryWindow w = QueryWindow.at(
                Instant.parse("2026-01-01T12:09:59.999Z"), Duration.ofMinutes(5), Duration.ofSeconds(120), 3);

        assertThat(w.end()).isEqualTo("2026-01-01T12:05:00Z");
        assertThat(w.start()).isEqualTo("2026-01-01T11:50:00Z");
    }

    @Test
    void withoutDelayTheCurrentPeriodIsLeftOut() {
        QueryWindow w = QueryWindow.at(Instant.parse("2026-01-01T12:00:59Z"), MINUTE, Duration.ZERO, 2);

        assertThat(w.end()).isEqualTo("2026-01-01T12:00:00Z");
    }

    @Test
    void everyWindowIsAlignedSettledAndAsLongAsAsked() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Duration delay = Duration.ofSeconds(150);
        for (Duration period : new Duration[] {MINUTE, Duration.ofMinutes(5)}) {
            for (int s = 0; s < 1200; s += 7) {
                Instant now = base.plusSeconds(s).plusMillis(s % 1000);
                QueryWindow w = QueryWindow.at(now, period, delay, 4);

                assertThat(w.end().toEpochMilli() % period.toMillis()).isZero();
                assertThat(w.end()).isBeforeOrEqualTo(now.minus(delay));
                assertThat(w.end()).isAfter(now.minus(delay).minus(period));
                assertThat(Duration.between(w.start(), w.end())).isEqualTo(period.multipliedBy(4));
            }
        }
    }

    @Test
    void callsOfOneRefreshGetTheSameWindow() {
        Instant now = Instant.parse("2026-01-01T12:05:30Z");

        assertThat(QueryWindow.at(now, MINUTE, Duration.ofSeconds(120), 5))
                .isEqualTo(QueryWindow.at(now, MINUTE, Duration.ofSeconds(120), 5));
    }
}
