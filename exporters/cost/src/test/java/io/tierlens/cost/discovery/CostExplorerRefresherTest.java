package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.core.testing.MutableClock;
import io.tierlens.cost.CostExplorerConfig;
import io.tierlens.cost.model.CostExplorerReport;
import io.tierlens.cost.model.ServiceCost;
import io.tierlens.cost.testing.Fakes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;

class CostExplorerRefresherTest {
    private final MutableClock clock = MutableClock.at("2026-01-10T12:00:00Z");
    private final Fakes.CostExplorer api = new Fakes.CostExplorer();
    private final Fakes.Recorder recorder = new Fakes.Recorder();

    private CostExplorerRefresher refresher(boolean enabled, List<String> services) {
        return new CostExplorerRefresher(api, new CostExplorerConfig(enabled, null, services), recorder, clock);
    }

    @Test
    void offByDefaultAndThenItCostsNothing() {
        CostExplorerRefresher r =
                new CostExplorerRefresher(api, new CostExplorerConfig(null, null, null), recorder, clock);
        assertThat(r.refreshIfDue()).isEmpty();
        assertThat(api.calls).isEmpty();
        assertThat(r.report()).isEmpty();
    }

    @Test
    void everyRequestIsChargedAndTheForecastAddsTheMonthToDate() {
        api.pages.add(List.of(new ServiceCost("Amazon Relational Database Service", 180.0)));
        api.pages.add(List.of(
                new ServiceCost("Amazon Elastic Compute Cloud - Compute", 320.5),
                new ServiceCost("Amazon Relational Database Service", 9.0)));
        api.forecasts.put("total", 700.0);
        api.forecasts.put("Amazon Relational Database Service", 420.0);
        CostExplorerRefresher r = refresher(true, List.of("Amazon Relational Database Service"));

        assertThat(r.refreshIfDue()).isEmpty();

        assertThat(api.calls)
                .containsExactly(
                        "GetCostAndUsage 2026-01-01..2026-01-10 -",
                        "GetCostAndUsage 2026-01-01..2026-01-10 1",
                        "GetCostForecast 2026-01-10..2026-02-01 -",
                        "GetCostForecast 2026-01-10..2026-02-01 Amazon Relational Database Service");
        assertThat(recorder.costs.get("costexplorer")).isCloseTo(0.04, within(1e-12));
        CostExplorerReport report = r.report().orElseThrow();
        assertThat(report.monthToDate())
                .containsExactly(
                        new ServiceCost("Amazon Elastic Compute Cloud - Compute", 320.5),
                        new ServiceCost("Amazon Relational Database Service", 189.0));
        assertThat(report.monthForecast().get("total")).isCloseTo(509.5 + 700.0, within(1e-9));
        assertThat(report.monthForecast().get("Amazon Relational Database Service"))
                .isCloseTo(189.0 + 420.0, within(1e-9));
    }

    @Test
    void askedAtMostEverySixHours() {
        api.pages.add(List.of());
        CostExplorerRefresher r = refresher(true, List.of());
        r.refreshIfDue();
        clock.advance(Duration.ofHours(5));
        r.refreshIfDue();
        assertThat(api.calls).hasSize(2);

        clock.advance(Duration.ofHours(1));
        r.refreshIfDue();
        assertThat(api.calls).hasSize(4);
    }

    @Test
    void onTheFirstOfTheMonthOnlyTheForecastIsAsked() {
        clock.set(java.time.Instant.parse("2026-02-01T03:00:00Z"));
        api.forecasts.put("total", 1500.0);
        CostExplorerRefresher r = refresher(true, List.of());
        r.refreshIfDue();
        assertThat(api.calls).containsExactly("GetCostForecast 2026-02-01..2026-03-01 -");
        assertThat(r.report().orElseThrow().monthForecast()).containsEntry("total", 1500.0);
    }

    @Test
    void aFailureIsReportedAndRetriedAfterAnHourNotAtEveryRefresh() {
        api.failure = (RuntimeException) CostExplorerException.builder()
                .message("User is not authorized to perform: ce:GetCostAndUsage")
                .statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .build())
                .build();
        CostExplorerRefresher r = refresher(true, List.of());

        assertThat(r.refreshIfDue())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("access_denied"));
        clock.advance(Duration.ofMinutes(30));
        assertThat(r.refreshIfDue()).isEmpty();
        assertThat(api.calls).hasSize(1);
        assertThat(recorder.costs).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        r.refreshIfDue();
        assertThat(api.calls).hasSize(2);
    }
}
