package io.tierlens.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the demo's minute-aligned CloudWatch datapoints hold the story before the start, and whole cycles. */
class DemoProcessTest {
    private static final Instant MINUTE = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void theHistoryIsServedUntilThePeriodContainingTheStartIsPublished() {
        // started at 01:00:41: the period 01:00–01:01 holds the start, published at 01:02 (period + 60 s delay)
        assertThat(DemoProcess.historyServedUntil(MINUTE.plusSeconds(41))).isEqualTo(MINUTE.plusSeconds(120));
        assertThat(DemoProcess.historyServedUntil(MINUTE)).isEqualTo(MINUTE.plusSeconds(120));
    }

    @Test
    void wholeCyclesAreServedFromThePublicationOfTheFirstPeriodAfterTheStart() {
        // the period 01:01–01:02 lies wholly after a start at 01:00:41; CloudWatch has it at 01:03 and the alerting
        // class, fetched every 2 minutes, serves it by 01:05 at the latest
        assertThat(DemoProcess.averagedServedFrom(MINUTE.plusSeconds(41))).isEqualTo(MINUTE.plusSeconds(300));
    }

    @Test
    void readsTheExportersOfTierlensExporterUp() {
        String exposition = "# TYPE tierlens_exporter_up gauge\n"
                + "tierlens_exporter_up{exporter=\"alb\"} 1.0\n"
                + "tierlens_exporter_up{exporter=\"dr\"} 0.0\n"
                + "tierlens_target_up{exporter=\"session\",target=\"x\"} 1.0\n";

        assertThat(DemoProcess.exportersIn(exposition)).containsExactly("alb", "dr");
    }
}
