package io.tierlens.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.demo.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The timing that puts the demo's minute-aligned CloudWatch datapoints into the 5xx burst. */
class DemoProcessTest {
    private static final Instant MINUTE = Instant.parse("2026-11-22T01:00:00Z");

    private static Scenario startedAt(Instant start) {
        return new Scenario(Clock.systemUTC(), start, DemoProcess.SPEED, DemoProcess.SCALE);
    }

    @Test
    void launchesSoThatTheScenarioStarts18To26SecondsBeforeAMinute() {
        Duration startup = Duration.ofMillis(1500);
        // a start at :01.5 is 58.5 s before the minute: wait until a start at :34 (26 s before)
        assertThat(DemoProcess.nextLaunch(MINUTE, startup)).isEqualTo(MINUTE.plusMillis(32_500));
        // a start at :38.5 fits: now
        assertThat(DemoProcess.nextLaunch(MINUTE.plusSeconds(37), startup)).isEqualTo(MINUTE.plusSeconds(37));
        // a start at :46.5 is too late for this minute
        assertThat(DemoProcess.nextLaunch(MINUTE.plusSeconds(45), startup))
                .isEqualTo(MINUTE.plusSeconds(60).plusMillis(32_500));
        for (int second = 0; second < 60; second++) {
            Instant launch = DemoProcess.nextLaunch(MINUTE.plusSeconds(second), startup);
            assertThat(Duration.between(MINUTE.plusSeconds(second), launch)).isLessThan(Duration.ofSeconds(53));
            assertThat(DemoProcess.samplesTheBurst(startedAt(launch.plus(startup))))
                    .as("launch at second %d", second)
                    .isTrue();
        }
    }

    @Test
    void theFirstPeriodStartsAtTheNextFullMinute() {
        assertThat(DemoProcess.firstPeriodStart(MINUTE.plusMillis(1))).isEqualTo(MINUTE.plusSeconds(60));
        assertThat(DemoProcess.firstPeriodStart(MINUTE)).isEqualTo(MINUTE);
    }

    @Test
    void onlyAStartThatPutsTheSampledCyclePositionInsideTheBurstCounts() {
        // 22 s before the minute: 22 × 30 = 660 scenario seconds, minute 11 of the cycle
        Scenario mid = startedAt(MINUTE.minusSeconds(22));
        assertThat(mid.errorBurst(DemoProcess.firstPeriodStart(mid.realStart())))
                .isTrue();
        assertThat(DemoProcess.samplesTheBurst(mid)).isTrue();
        // every later period samples the same position: one period is one cycle at --speed 30
        assertThat(mid.errorBurst(MINUTE.plusSeconds(600))).isTrue();
        // 40 s before the minute: minute 20, after the burst
        assertThat(DemoProcess.samplesTheBurst(startedAt(MINUTE.minusSeconds(40))))
                .isFalse();
        // 16.5 s before: minute 8.25, inside the burst but within the margin of its start
        assertThat(DemoProcess.samplesTheBurst(startedAt(MINUTE.minusMillis(16_500))))
                .isFalse();
        assertThat(DemoProcess.samplesTheBurst(startedAt(MINUTE.minusSeconds(18))))
                .isTrue();
    }

    @Test
    void readsTheExportersOfTierlensExporterUp() {
        String exposition = "# TYPE tierlens_exporter_up gauge\n"
                + "tierlens_exporter_up{exporter=\"alb\"} 1.0\n"
                + "tierlens_exporter_up{exporter=\"dr\"} 0.0\n"
                + "tierlens_exporter_upx{exporter=\"nope\"} 1.0\n";
        assertThat(DemoProcess.exportersIn(exposition)).containsExactly("alb", "dr");
    }
}
