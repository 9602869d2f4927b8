package io.tierlens.core.config;

import java.time.Duration;

/**
 * {@code cloudwatch:} — how the planner asks for metrics.
 *
 * @param period CloudWatch period of every query, default 60s (the ALB/RDS resolution)
 * @param delay settle delay: periods that ended less than this long ago are not asked for, because
 *     CloudWatch may still add data to them; default 60s (ALB and RDS publish within a minute; a period is
 *     fetched again until it is served, so a revision arriving later is still picked up)
 * @param lookbackPeriods extra periods each fetch covers besides its fetch interval, to fill short gaps and revise
 *     periods not served yet (free: GetMetricData bills per metric, not per datapoint); default 5
 * @param maxQueriesPerCall queries per GetMetricData call, at most 500 (the API limit)
 * @param gatherWindow how long the planner waits for other exporters' queries so they share calls, default 2s
 */
public record CloudWatchConfig(
        Duration period, Duration delay, Integer lookbackPeriods, Integer maxQueriesPerCall, Duration gatherWindow)
        implements ConfigChecked {

    public CloudWatchConfig {
        period = period == null ? Duration.ofSeconds(60) : period;
        delay = delay == null ? Duration.ofSeconds(60) : delay;
        lookbackPeriods = lookbackPeriods == null ? 5 : lookbackPeriods;
        maxQueriesPerCall = maxQueriesPerCall == null ? 500 : maxQueriesPerCall;
        gatherWindow = gatherWindow == null ? Duration.ofSeconds(2) : gatherWindow;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (period.toSeconds() < 60 || period.toSeconds() % 60 != 0) {
            problems.add(
                    ConfigProblems.join(path, "period"),
                    "must be a multiple of 60s",
                    "ALB and RDS publish 60s data; use 60s or 300s");
        }
        if (lookbackPeriods < 1 || lookbackPeriods > 60) {
            problems.add(ConfigProblems.join(path, "lookback_periods"), "must be between 1 and 60", "the default is 5");
        }
        if (maxQueriesPerCall < 1 || maxQueriesPerCall > 500) {
            problems.add(
                    ConfigProblems.join(path, "max_queries_per_call"),
                    "GetMetricData accepts 1 to 500 queries",
                    "use 500");
        }
    }
}
