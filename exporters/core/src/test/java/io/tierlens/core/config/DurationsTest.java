package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "60s, PT60S",
        "5m, PT5M",
        "1h, PT1H",
        "2d, PT48H",
        "1w, PT168H",
        "1h30m, PT1H30M",
        "1m30s500ms, PT1M30.5S",
        "0s, PT0S",
        "' 45s ', PT45S"
    })
    void parsesPrometheusDurations(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "60",
                "-5s",
                "5",
                "s",
                "1.5s",
                "5 m",
                "5M",
                "5sec",
                "1h-30m",
                "m5",
                "5s5",
                "99999999999999999999s",
                "9223372036854775807w"
            })
    void refusesWhatIsNotADurationWithUnits(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT45S, 45s", "PT1H30M, 1h30m", "PT0.25S, 250ms", "PT49H, 2d1h", "PT1M0.5S, 1m500ms"})
    void formatsLikePrometheus(Duration d, String expected) {
        assertThat(Durations.format(d)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "45s", "1h30m", "2d1h", "1m500ms"})
    void formatAndParseRoundTrip(String text) {
        assertThat(Durations.parse(text).map(Durations::format)).contains(text);
    }
}
