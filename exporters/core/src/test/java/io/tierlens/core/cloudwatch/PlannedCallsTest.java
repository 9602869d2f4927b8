package io.tierlens.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannedCallsTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    static MetricQuery query(int i, Duration period) {
        return new MetricQuery(
                "AWS/ApplicationELB",
                "RequestCount",
                Map.of("LoadBalancer", "app/lb-" + i + "/abc"),
                "Sum",
                period,
                true);
    }

    static List<MetricQuery> queries(int n, Duration period) {
        return IntStream.range(0, n).mapToObj(i -> query(i, period)).toList();
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "500, 1", "501, 2", "1000, 2", "10400, 21"})
    void packsQQueriesIntoCeilingOfQOver500Calls(int q, int expectedCalls) {
        PlannedCalls plan = PlannedCalls.pack(queries(q, MINUTE), 500);

        assertThat(plan.calls()).hasSize(expectedCalls);
        assertThat(plan.distinctQueries()).isEqualTo(q);
        assertThat(plan.calls()).allSatisfy(call -> assertThat(call).hasSizeBetween(1, 500));
        assertThat(plan.calls().stream().mapToInt(List::size).sum()).isEqualTo(q);
    }

    @Test
    void noQueriesNoCalls() {
        PlannedCalls plan = PlannedCalls.pack(List.of(), 500);

        assertThat(plan.calls()).isEmpty();
        assertThat(plan.usdPerMonth(MINUTE)).isZero();
    }

    @Test
    void duplicatesAreAskedForOnce() {
        List<MetricQuery> qs = new ArrayList<>(queries(3, MINUTE));
        qs.addAll(queries(2, MINUTE));
        // Equal dimensions given in another order are the same query.
        qs.add(new MetricQuery(
                "AWS/ApplicationELB", "RequestCount", Map.of("LoadBalancer", "app/lb-0/abc"), "Sum", MINUTE, true));

        PlannedCalls plan = PlannedCalls.pack(qs, 500);

        assertThat(plan.distinctQueries()).isEqualTo(3);
        assertThat(plan.calls())
                .singleElement()
                .satisfies(call -> assertThat(call).containsExactlyElementsOf(queries(3, MINUTE)));
    }

    @Test
    void oneCallHasOnePeriod() {
        List<MetricQuery> qs = new ArrayList<>();
        qs.addAll(queries(501, MINUTE));
        qs.addAll(queries(3, Duration.ofMinutes(5)));

        PlannedCalls plan = PlannedCalls.pack(qs, 500);

        assertThat(plan.calls()).hasSize(3);
        assertThat(plan.calls())
                .allSatisfy(call -> assertThat(
                                call.stream().map(MetricQuery::period).distinct())
                        .hasSize(1));
        assertThat(plan.distinctQueries()).isEqualTo(504);
    }

    @Test
    void smallerCallsWhenConfigured() {
        assertThat(PlannedCalls.pack(queries(10, MINUTE), 3).calls())
                .extracting(List::size)
                .containsExactly(3, 3, 3, 1);
    }

    @Test
    void refreshesPerThirtyDayMonth() {
        assertThat(PlannedCalls.refreshesPerMonth(MINUTE)).isEqualTo(43_200.0);
        assertThat(PlannedCalls.refreshesPerMonth(Duration.ofMinutes(5))).isEqualTo(8_640.0);
    }

    @Test
    void usdPerMonthIsMetricsRequestedTimesOneCentPerThousand() {
        // 10,400 metrics every minute: 10,400 x 43,200 refreshes x $0.00001 = $4,492.80
        assertThat(PlannedCalls.pack(queries(10_400, MINUTE), 500).usdPerMonth(MINUTE))
                .isCloseTo(4_492.80, within(1e-6));
        // 30 metrics every 5 minutes: 30 x 8,640 x $0.00001 = $2.592
        assertThat(PlannedCalls.pack(queries(30, MINUTE), 500).usdPerMonth(Duration.ofMinutes(5)))
                .isCloseTo(2.592, within(1e-9));
        assertThat(PlannedCalls.USD_PER_METRIC).isEqualTo(0.00001);
    }
}
