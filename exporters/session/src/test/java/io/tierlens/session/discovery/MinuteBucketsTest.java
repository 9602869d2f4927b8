package io.tierlens.session.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteBucketsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:30Z");
    private static final long MIN_12_00 = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

    @Test
    void activeBucketsRunFromTheNextMinuteToTheHorizon() {
        List<Long> active = MinuteBuckets.activeMinutes(NOW, Duration.ofMinutes(30));
        assertThat(active.get(0)).isEqualTo(MIN_12_00 + 60_000);
        assertThat(active.get(active.size() - 1)).isEqualTo(MIN_12_00 + 31 * 60_000L);
        assertThat(active).hasSize(31);
    }

    @Test
    void theBucketTheCleanupJustTookIsNeitherLiveNorBacklog() {
        List<Long> backlog = MinuteBuckets.backlogMinutes(NOW);
        assertThat(backlog).doesNotContain(MIN_12_00).contains(MIN_12_00 - 60_000);
        assertThat(backlog.get(0)).isEqualTo(MIN_12_00 - 10 * 60_000L);
        assertThat(MinuteBuckets.activeMinutes(NOW, Duration.ofMinutes(1))).doesNotContain(MIN_12_00);
    }

    @Test
    void sumsLiveAndBacklogSeparately() {
        MinuteBuckets b = new MinuteBuckets(
                List.of(new MinuteBuckets.Bucket("a", 3), new MinuteBuckets.Bucket("b", 4)),
                List.of(new MinuteBuckets.Bucket("c", 2)));
        assertThat(b.active()).isEqualTo(7);
        assertThat(b.backlog()).isEqualTo(2);
        assertThat(b.anyPresent()).isTrue();
        assertThat(new MinuteBuckets(List.of(new MinuteBuckets.Bucket("a", 0)), List.of()).anyPresent())
                .isFalse();
    }
}
