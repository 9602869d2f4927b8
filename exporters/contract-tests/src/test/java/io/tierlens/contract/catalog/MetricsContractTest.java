package io.tierlens.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsContractTest {
    private static final String FIXTURE = """
            CloudWatch counts are exported as per-second rates (`…_per_second` = Sum / period).
            | metric | labels |
            |---|---|
            | `tierlens_build_info` = 1 | version, mode (live, demo) |
            | `tierlens_refresh_duration_seconds` (h) | exporter |
            | `tierlens_refresh_errors_total` (c) | exporter, reason |
            | `tierlens_rds_database_connections` · `tierlens_rds_max_connections` (where known) | db_instance |
            | `tierlens_alb_target_group_requests_per_second` · `…_http_responses_per_second{code_class}` | lb |
            | `tierlens_session_age_seconds` (h, sampled) | namespace |
            `tierlens_job_last_exit_code` with grouping key `job`. Every name starts with `tierlens_`.
            """;

    @Test
    void readsNamesWithTheirTypes() {
        MetricsContract contract = MetricsContract.parse(FIXTURE);
        assertThat(contract.explicit())
                .containsOnly(
                        entry("tierlens_build_info", MetricType.GAUGE),
                        entry("tierlens_refresh_duration_seconds", MetricType.HISTOGRAM),
                        entry("tierlens_refresh_errors_total", MetricType.COUNTER),
                        entry("tierlens_rds_database_connections", MetricType.GAUGE),
                        entry("tierlens_rds_max_connections", MetricType.GAUGE),
                        entry("tierlens_alb_target_group_requests_per_second", MetricType.GAUGE),
                        entry("tierlens_session_age_seconds", MetricType.HISTOGRAM),
                        entry("tierlens_job_last_exit_code", MetricType.GAUGE));
    }

    @Test
    void anAbbreviatedNameIsTheClosestSiblingOfTheLinesFirstName() {
        MetricsContract contract = MetricsContract.parse(FIXTURE);
        assertThat(contract.elisions()).hasSize(1);
        MetricsContract.Elision elision =
                contract.elisions().keySet().iterator().next();
        assertThat(elision.resolve(Set.of(
                        "tierlens_alb_http_responses_per_second",
                        "tierlens_alb_target_group_http_responses_per_second")))
                .contains("tierlens_alb_target_group_http_responses_per_second");
        assertThat(elision.resolve(Set.of("tierlens_alb_http_responses_per_second")))
                .contains("tierlens_alb_http_responses_per_second");
        assertThat(elision.resolve(Set.of("tierlens_rds_http_responses_per_second")))
                .isEmpty();
    }
}
