package io.tierlens.core.cloudwatch;

/**
 * How soon a query's datapoints must reach Prometheus. The class decides how often the planner fetches the query
 * (GetMetricData bills per metric requested, not per datapoint, so fetching several minutes at once is cheaper)
 * and therefore the constant lag at which its datapoints are served. docs/cloudwatch-cost.md has the numbers.
 */
public enum FreshnessClass {
    /** What an alert or an SLO needs within minutes: fetched every 60–120 s. */
    ALERTING,
    /** Everything else (dashboards, capacity trends): fetched every 5–15 min and replayed one period at a time. */
    TREND;

    /** The lower-case name used in configuration keys, {@code tierlens plan} and docs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
