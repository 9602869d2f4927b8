package io.tierlens.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final Instant start = clock.instant();
    // 60x: one real second is one scenario minute
    private final Scenario scenario = Scenario.startingNow(clock, 60, 3);

    private Instant afterScenarioMinutes(double minutes) {
        return start.plusMillis((long) (minutes * 1000));
    }

    @Test
    void scenarioTimeRunsSpeedTimesFaster() {
        assertThat(scenario.elapsedAt(start.plusSeconds(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(scenario.elapsedAt(start.plusMillis(500))).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(90));
        assertThat(scenario.elapsed()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void beforeTheStartIsTheStart() {
        assertThat(scenario.elapsedAt(start.minusSeconds(5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void realTimeAtSpeedOne() {
        Scenario realTime = Scenario.startingNow(clock, 1, 1);

        assertThat(realTime.elapsedAt(start.plusSeconds(42))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void theStoryRepeatsEveryCycle() {
        assertThat(Scenario.CYCLE).isEqualTo(Duration.ofMinutes(30));
        assertThat(scenario.inCycle(afterScenarioMinutes(29))).isEqualTo(Duration.ofMinutes(29));
        assertThat(scenario.inCycle(afterScenarioMinutes(30))).isEqualTo(Duration.ZERO);
        assertThat(scenario.inCycle(afterScenarioMinutes(31))).isEqualTo(Duration.ofMinutes(1));
        assertThat(scenario.inCycle(afterScenarioMinutes(95))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void errorBurstFromMinuteEightToFourteenOfEveryCycle() {
        assertThat(scenario.errorBurst(afterScenarioMinutes(0))).isFalse();
        assertThat(scenario.errorBurst(afterScenarioMinutes(7.99))).isFalse();
        assertThat(scenario.errorBurst(afterScenarioMinutes(8))).isTrue();
        assertThat(scenario.errorBurst(afterScenarioMinutes(13.99))).isTrue();
        assertThat(scenario.errorBurst(afterScenarioMinutes(14))).isFalse();
        assertThat(scenario.errorBurst(afterScenarioMinutes(38))).isTrue();
        assertThat(scenario.errorBurst(afterScenarioMinutes(44))).isFalse();
    }

    @Test
    void trafficIsATwentyMinuteWaveBetweenPointTwoAndOne() {
        assertThat(scenario.traffic(afterScenarioMinutes(0))).isCloseTo(0.6, within(1e-9));
        assertThat(scenario.traffic(afterScenarioMinutes(5))).isCloseTo(1.0, within(1e-9));
        assertThat(scenario.traffic(afterScenarioMinutes(15))).isCloseTo(0.2, within(1e-9));
        assertThat(scenario.traffic(afterScenarioMinutes(25))).isCloseTo(1.0, within(1e-9));
        for (int s = 0; s < 3600; s += 7) {
            assertThat(scenario.traffic(start.plusSeconds(s))).isBetween(0.2 - 1e-9, 1.0 + 1e-9);
        }
    }

    @Test
    void noiseIsStableAndInUnitRange() {
        assertThat(Scenario.noise("alb/web", 17)).isEqualTo(Scenario.noise("alb/web", 17));
        assertThat(Scenario.noise("alb/web", 17)).isNotEqualTo(Scenario.noise("alb/web", 18));
        assertThat(Scenario.noise("alb/web", 17)).isNotEqualTo(Scenario.noise("alb/api", 17));
        double sum = 0;
        for (long b = 0; b < 10_000; b++) {
            double n = Scenario.noise("key-" + (b % 13), b);
            assertThat(n).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += n;
        }
        assertThat(sum / 10_000).isBetween(0.45, 0.55);
    }

    @Test
    void invalidSpeedOrScaleIsRefused() {
        assertThatThrownBy(() -> Scenario.startingNow(clock, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.startingNow(clock, -2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.startingNow(clock, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
