package io.tierlens.core.cloudwatch;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * {@link CloudWatchApi} over the AWS SDK. The client must come from {@code AwsClientFactory}: its
 * {@code GetMetricDataBilling} interceptor counts the cost of every billed attempt, retries included.
 */
public final class SdkCloudWatchApi implements CloudWatchApi, AutoCloseable {
    private final CloudWatchClient client;

    public SdkCloudWatchApi(CloudWatchClient client) {
        this.client = client;
    }

    @Override
    public boolean countsItsOwnCost() {
        return true;
    }

    @Override
    public Map<String, List<Datapoint>> getMetricData(List<IdentifiedQuery> queries, Instant start, Instant end) {
        List<MetricDataQuery> mdq = new ArrayList<>(queries.size());
        for (IdentifiedQuery q : queries) {
            mdq.add(toSdk(q));
        }
        Map<String, List<Datapoint>> out = new HashMap<>();
        String token = null;
        do {
            GetMetricDataResponse response = client.getMetricData(GetMetricDataRequest.builder()
                    .metricDataQueries(mdq)
                    .startTime(start)
                    .endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                    .nextToken(token)
                    .build());
            for (MetricDataResult r : response.metricDataResults()) {
                if (r.statusCode() == StatusCode.FORBIDDEN) {
                    throw new UncheckedExporterException(new ExporterException(
                            FailureReason.ACCESS_DENIED, "GetMetricData returned Forbidden for query " + r.id()));
                }
                List<Datapoint> points = out.computeIfAbsent(r.id(), k -> new ArrayList<>());
                for (int i = 0; i < r.timestamps().size() && i < r.values().size(); i++) {
                    points.add(new Datapoint(r.timestamps().get(i), r.values().get(i)));
                }
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    static MetricDataQuery toSdk(IdentifiedQuery iq) {
        MetricQuery q = iq.query();
        List<Dimension> dims = new ArrayList<>();
        q.dimensions()
                .forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
        return MetricDataQuery.builder()
                .id(iq.id())
                .returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder()
                                .namespace(q.namespace())
                                .metricName(q.metricName())
                                .dimensions(dims)
                                .build())
                        .period((int) q.period().toSeconds())
                        .stat(q.statistic())
                        .build())
                .build();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Carries a bounded failure reason through the {@link CloudWatchApi} interface, which has no checked exceptions. */
    public static final class UncheckedExporterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UncheckedExporterException(ExporterException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
