package io.tierlens.core.cloudwatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Our view of CloudWatch: only GetMetricData. ListMetrics is deliberately absent (see DESIGN.md). */
public interface CloudWatchApi {

    /**
     * One GetMetricData request for at most 500 queries over {@code [start, end)}, following NextToken pages.
     *
     * @return datapoints per query id, newest first; ids with no data may be absent
     */
    Map<String, List<Datapoint>> getMetricData(List<IdentifiedQuery> queries, Instant start, Instant end);

    /**
     * True when this API counts GetMetricData's cost itself, per billed attempt ({@link SdkCloudWatchApi}: its
     * client's {@code GetMetricDataBilling} interceptor); otherwise the planner counts one billed attempt per call.
     */
    default boolean countsItsOwnCost() {
        return false;
    }

    /** A query with the id GetMetricData needs ({@code ^[a-z][a-zA-Z0-9_]*$}, unique within the request). */
    record IdentifiedQuery(String id, MetricQuery query) {}

    record Datapoint(Instant timestamp, double value) {}
}
