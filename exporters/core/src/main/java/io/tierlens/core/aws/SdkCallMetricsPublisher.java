package io.tierlens.core.aws;

import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts every HTTP attempt of every SDK call in {@code tierlens_aws_api_requests_total}. The SDK's own metrics
 * classify each attempt's error (its {@code ERROR_TYPE} uses the same throttling detection as its retry
 * strategy: {@code Throttling} codes, HTTP 429, ...; HTTP 503 is counted as throttled too), so a call that was
 * throttled twice and then succeeded counts two {@code throttled} and one {@code ok}.
 */
public final class SdkCallMetricsPublisher implements MetricPublisher {
    private final ApiCallRecorder recorder;

    public SdkCallMetricsPublisher(ApiCallRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void publish(MetricCollection call) {
        String service = ServiceNames.label(first(call, CoreMetric.SERVICE_ID));
        String operation = first(call, CoreMetric.OPERATION_NAME);
        boolean sawAttempt = false;
        for (MetricCollection child : call.children()) {
            if (!"ApiCallAttempt".equals(child.name())) {
                continue;
            }
            sawAttempt = true;
            recorder.recordRequest(service, operation == null ? "unknown" : operation, outcome(child));
        }
        if (!sawAttempt) {
            // Failed before anything was sent (no credentials, bad endpoint): still a failed request.
            Boolean ok = first(call, CoreMetric.API_CALL_SUCCESSFUL);
            recorder.recordRequest(
                    service,
                    operation == null ? "unknown" : operation,
                    Boolean.TRUE.equals(ok) ? ApiOutcome.OK : ApiOutcome.ERROR);
        }
    }

    static ApiOutcome outcome(MetricCollection attempt) {
        String errorType = first(attempt, CoreMetric.ERROR_TYPE);
        Integer status = first(attempt, HttpMetric.HTTP_STATUS_CODE);
        // AWS sheds load three ways: a Throttling-type error code, HTTP 429, and HTTP 503 (ServiceUnavailable,
        // SlowDown). The SDK calls the 503 a server error, but for the operator it means the same: slow down.
        if ("Throttling".equals(errorType) || (status != null && (status == 429 || status == 503))) {
            return ApiOutcome.THROTTLED;
        }
        if (errorType != null) {
            return ApiOutcome.ERROR;
        }
        return status != null && status >= 200 && status < 300 ? ApiOutcome.OK : ApiOutcome.ERROR;
    }

    private static <T> T first(MetricCollection c, software.amazon.awssdk.metrics.SdkMetric<T> metric) {
        var values = c.metricValues(metric);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {}
}
