package io.tierlens.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.e2e.PhaseTable.When;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phase table of docs/dashboards-and-alerts.md as the end-to-end test reads it, and how it judges values. */
class PhaseTableTest {

    @Test
    void theDocumentsTableNamesExistingPanelsAndParses() throws Exception {
        PhaseTable table = PhaseTable.read(RepoRoot.get());
        List<String> known = DashboardChecks.all(RepoRoot.get()).stream()
                .map(DashboardChecks.Check::where)
                .toList();

        assertThat(table.panels()).isNotEmpty();
        assertThat(table.panels()).allSatisfy(r -> assertThat(known).contains(r.where()));
        assertThat(table.alerts()).anySatisfy(r -> assertThat(r.when().name()).isEqualTo("tierlens-stopped"));
        // "Name?" marks an alert that may fire; the mark is not part of the name
        assertThat(table.alerts()).anySatisfy(r -> assertThat(r.optional()).isNotEmpty());
        assertThat(table.alerts())
                .allSatisfy(r ->
                        assertThat(r.alerts()).allSatisfy(a -> assertThat(a).matches("Tierlens[A-Za-z0-9]+")));
    }

    @Test
    void aWindowIsJudgedAfterItSettledAndWrapsAtTheCycleEnd() {
        When drill = When.parse("17–25");
        assertThat(drill.settledAt(20, 6)).isFalse();
        assertThat(drill.settledAt(23.5, 6)).isTrue();
        assertThat(drill.settledAt(25, 6)).isFalse();

        When wrapping = When.parse("25-5");
        assertThat(wrapping.settledAt(29, 3.5)).isTrue();
        assertThat(wrapping.settledAt(2, 3.5)).isTrue();
        assertThat(wrapping.settledAt(26, 3.5)).isFalse();
        assertThat(wrapping.settledAt(6, 3.5)).isFalse();

        assertThatThrownBy(() -> When.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingReturnedNeverMatchesAndLabelsMustBeTheOnlySeries() {
        PrometheusApi.Sample aws = new PrometheusApi.Sample(Map.of("site", "aws"), 1);
        PrometheusApi.Sample dr = new PrometheusApi.Sample(Map.of("site", "dr"), 1);

        assertThat(Expectation.parse("0").mismatch(List.of())).isPresent();
        assertThat(Expectation.parse("0").mismatch(List.of(new PrometheusApi.Sample(Map.of(), 0))))
                .isEmpty();
        assertThat(Expectation.parse("> 0").mismatch(List.of(new PrometheusApi.Sample(Map.of(), Double.NaN))))
                .isPresent();
        assertThat(Expectation.parse("site=dr").mismatch(List.of(dr))).isEmpty();
        assertThat(Expectation.parse("site=dr").mismatch(List.of(aws, dr))).isPresent();
    }

    @Test
    void fakeTargetsMoveTheirCountersAndKeepTimestampsRecent() {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        String out = FakeTargets.render(
                "# c\nc_total{a=\"b\"} rate:2\nt ago:60\nn in:30\ng 7\n", started, started.plusSeconds(10));

        assertThat(out)
                .isEqualTo("# c\nc_total{a=\"b\"} 20.0\nt " + (started.getEpochSecond() - 50.0) + "\nn "
                        + (started.getEpochSecond() + 40.0) + "\ng 7\n");
    }
}
