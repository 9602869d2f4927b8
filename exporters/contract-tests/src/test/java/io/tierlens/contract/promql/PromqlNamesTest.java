package io.tierlens.contract.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlNamesTest {
    @Test
    void findsPlainSelectorsAndSkipsFunctionsAndLabels() {
        assertThat(
                        PromqlNames.metricNames(
                                "sum by (load_balancer) (rate(tierlens_refresh_errors_total{job=~\"$job\", code=\"5xx\"}[5m]))"))
                .containsExactly("tierlens_refresh_errors_total");
    }

    @Test
    void skipsGroupingListsOfBinaryOperators() {
        assertThat(PromqlNames.metricNames(
                        "a / on (site) group_left (record, role) max by (site) (b) unless" + " ignoring (x) c"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void skipsAggregationKeywordBeforeGroupingAndKeepsRecordingRuleNames() {
        assertThat(PromqlNames.metricNames(
                        "sum without (instance) (load_balancer:tierlens_alb_5xx:ratio_avg1h) > bool 0.001"))
                .containsExactly("load_balancer:tierlens_alb_5xx:ratio_avg1h");
    }

    @Test
    void skipsStringsDurationsAndNumbers() {
        assertThat(PromqlNames.metricNames("label_replace(up offset 1h, \"scope\", \"$1\", \"service\", \"(.+)\")"
                        + " * 1e3 + x[30m:1m] or vector(0)"))
                .containsExactly("up", "x");
    }

    @Test
    void skipsGrafanaVariables() {
        assertThat(PromqlNames.metricNames("rate(x{job=~\"$job\"}[$__rate_interval]) * ${factor} + $other"))
                .containsExactly("x");
    }

    @Test
    void metricNamedLikeAnAggregationIsStillFoundWhenItIsASelector() {
        assertThat(PromqlNames.metricNames("count{job=\"a\"} + topk(3, up)")).containsExactly("count", "up");
    }
}
