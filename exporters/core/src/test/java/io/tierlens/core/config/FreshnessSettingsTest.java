package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.FreshnessClass;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessSettingsTest {
    private static final Duration ALERTING = Duration.ofSeconds(120);
    private static final Duration TREND = Duration.ofMinutes(15);
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static Optional<Freshness> resolve(Optional<String> override, Optional<FreshnessClass> dflt) {
        return FreshnessSettings.resolve(override, dflt, ALERTING, TREND, MINUTE);
    }

    @Test
    void anUnquotedYamlOffArrivesAsFalseAndTurnsTheSeriesOff() {
        assertThat(FreshnessSettings.CLASS_VALUES).contains("false");
        assertThat(resolve(Optional.of("false"), Optional.of(FreshnessClass.TREND)))
                .isEmpty();
        assertThat(resolve(Optional.of("off"), Optional.of(FreshnessClass.ALERTING)))
                .isEmpty();
    }

    @Test
    void anOverrideTurnsAnOptInSeriesOnAndTheDefaultClassAppliesOtherwise() {
        assertThat(resolve(Optional.of("alerting"), Optional.empty())).contains(Freshness.alerting(ALERTING));
        assertThat(resolve(Optional.empty(), Optional.of(FreshnessClass.TREND))).contains(Freshness.trend(TREND));
        assertThat(resolve(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void theIntervalIsRoundedUpToWholePeriods() {
        assertThat(FreshnessSettings.resolve(
                        Optional.empty(), Optional.of(FreshnessClass.ALERTING), ALERTING, TREND, Duration.ofMinutes(5)))
                .contains(Freshness.alerting(Duration.ofMinutes(5)));
    }
}
