package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.leaderOnly;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/**
 * 001's first row: is tierlens itself working? Exporter and target health, leaders, data age, refresh cost. The
 * self gauges are read without a standby HA replica ({@link Panels#leaderOnly}).
 */
final class TierlensHealthRow {
    private static final String J = "job=~\"$job\"";

    private TierlensHealthRow() {}

    static void row(Dashboard.Builder d) {
        d.row("tierlens exporters")
                .panel(stat("Exporters up", "percentunit")
                        .description("Share of tierlens exporters whose last refresh succeeded; 0 % when no"
                                + " tierlens is scraped at all. A standby HA replica does not count.")
                        .query(
                                "(sum(" + leaderOnly("tierlens_exporter_up{" + J + "}") + ") / count("
                                        + leaderOnly("tierlens_exporter_up{" + J + "}") + ")) or vector(0)",
                                "")
                        .thresholdsLowIsBad(0.5, 1)
                        .size(4, 4))
                .panel(stat("Build and mode", "none")
                        .description("tierlens version and mode of each process. In mode demo every value on these"
                                + " dashboards is simulated.")
                        .query("count by (version, mode) (tierlens_build_info{" + J + "})", "{{version}} {{mode}}")
                        .showNames()
                        .size(4, 4))
                .panel(stat("Exporter status", "none")
                        .description("Whether each exporter's last refresh worked for every one of its targets. A"
                                + " down exporter keeps serving its last good data until its maximum staleness.")
                        .query("min by (exporter) " + leaderOnly("tierlens_exporter_up{" + J + "}"), "{{exporter}}")
                        .upDown("UP", "DOWN")
                        .showNames()
                        .size(8, 4))
                .panel(stat("Target status", "none")
                        .description("Whether each target of each exporter (AWS account_id/region, Redis host:port,"
                                + " kubernetes, ...) refreshed fully the last time. A down target is a blind spot:"
                                + " Refresh errors gives the reason.")
                        .query(
                                "min by (exporter, target) " + leaderOnly("tierlens_target_up{" + J + "}"),
                                "{{exporter}} {{target}}")
                        .upDown("UP", "DOWN")
                        .showNames()
                        .size(8, 4))
                .panel(timeseries("Data age", "s")
                        .description("Age of the newest data served per exporter and target; a target that never had"
                                + " data counts from tierlens' start. CloudWatch data is a few minutes old by nature;"
                                + " cost and backup refresh less often.")
                        .query(
                                "max by (exporter, target) " + leaderOnly("tierlens_data_age_seconds{" + J + "}"),
                                "{{exporter}} {{target}}")
                        .size(8, 8))
                .panel(timeseries("Refresh duration (p90)", "s")
                        .description("90th percentile wall time of one background refresh per exporter, AWS calls"
                                + " included. Scrapes never wait for it.")
                        .query(
                                "histogram_quantile(0.9, sum by (exporter, le) (rate(tierlens_refresh_duration_seconds_bucket{"
                                        + J + "}[$__rate_interval])))",
                                "{{exporter}}")
                        .size(8, 8))
                .panel(timeseries("Refresh errors", "cps")
                        .description("Failed refreshes or failed parts of refreshes per second, by exporter, target"
                                + " and reason; 0 for exporters without errors.")
                        .query(
                                "sum by (exporter, target, reason) (rate(tierlens_refresh_errors_total{" + J
                                        + "}[$__rate_interval])) or sum by (exporter) (0 * "
                                        + leaderOnly("tierlens_exporter_up{" + J + "}") + ")",
                                "{{exporter}} {{target}} {{reason}}")
                        .size(8, 8))
                .panel(timeseries("AWS API requests", "reqps")
                        .description("tierlens' own AWS API requests per second by service and outcome (ok,"
                                + " throttled, error).")
                        .query(
                                "sum by (service, outcome) (rate(tierlens_aws_api_requests_total{" + J
                                        + "}[$__rate_interval]))",
                                "{{service}} {{outcome}}")
                        .size(8, 8))
                .panel(stat("Leaders per shard", "none")
                        .description("Replicas doing the work per shard (tierlens_leader, 1 on a single replica"
                                + " without HA). 0 means nobody refreshes that shard's targets; 2 means two replicas"
                                + " both think they lead.")
                        .query("sum by (shard) (tierlens_leader{" + J + "})", "shard {{shard}}")
                        .mapping("0", "NO LEADER", "red")
                        .mapping("1", "leader", "green")
                        .mapping("2", "TWO LEADERS", "red")
                        .colorBackground()
                        .showNames()
                        .size(4, 8))
                .panel(stat("Own AWS API cost per 30 days", "currencyUSD")
                        .description("What tierlens' own AWS API calls cost at the current rate, projected to 30 days"
                                + " (GetMetricData $0.01 per 1,000 metrics, Cost Explorer $0.01 per request).")
                        .query(
                                "sum(rate(tierlens_aws_api_cost_usd_total{" + J + "}[$__rate_interval])) * 30 * 86400",
                                "")
                        .thresholds(20, 50)
                        .size(6, 8))
                .panel(stat("CloudWatch metrics requested per minute", "short")
                        .description("Metrics requested through GetMetricData per minute, the unit CloudWatch bills.")
                        .query(
                                "sum(rate(tierlens_cloudwatch_metrics_requested_total{" + J
                                        + "}[$__rate_interval])) * 60",
                                "")
                        .size(6, 8));
    }
}
