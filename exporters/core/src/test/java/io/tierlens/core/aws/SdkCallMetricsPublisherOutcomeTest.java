package io.tierlens.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollector;

/** How one SDK call's attempts become {@code tierlens_aws_api_requests_total{outcome}}. */
class SdkCallMetricsPublisherOutcomeTest {
    private final List<String> recorded = new ArrayList<>();
    private final SdkCallMetricsPublisher publisher = new SdkCallMetricsPublisher(new ApiCallRecorder() {
        @Override
        public void recordRequest(String service, String operation, ApiOutcome outcome) {
            recorded.add(service + " " + operation + " " + outcome.label());
        }

        @Override
        public void recordCost(String service, double usd) {}
    });

    /** One call whose attempts answered with these (HTTP status, SDK error type or null). */
    private void call(Object... statusAndErrorType) {
        MetricCollector call = MetricCollector.create("ApiCall");
        call.reportMetric(CoreMetric.SERVICE_ID, "Elastic Load Balancing v2");
        call.reportMetric(CoreMetric.OPERATION_NAME, "DescribeTargetHealth");
        for (int i = 0; i < statusAndErrorType.length; i += 2) {
            MetricCollector attempt = call.createChild("ApiCallAttempt");
            attempt.reportMetric(HttpMetric.HTTP_STATUS_CODE, (Integer) statusAndErrorType[i]);
            if (statusAndErrorType[i + 1] != null) {
                attempt.reportMetric(CoreMetric.ERROR_TYPE, (String) statusAndErrorType[i + 1]);
            }
        }
        publisher.publish(call.collect());
    }

    @Test
    void throttlingCode429And503AreThrottledAndTheSuccessIsOk() {
        call(400, "Throttling", 429, "Throttling", 503, "ServerError", 200, null);

        assertThat(recorded)
                .containsExactly(
                        "elasticloadbalancingv2 DescribeTargetHealth throttled",
                        "elasticloadbalancingv2 DescribeTargetHealth throttled",
                        "elasticloadbalancingv2 DescribeTargetHealth throttled",
                        "elasticloadbalancingv2 DescribeTargetHealth ok");
    }

    @Test
    void otherServerAndClientErrorsAreErrors() {
        call(500, "ServerError", 403, "Other", 502, "ServerError");

        assertThat(recorded).allSatisfy(r -> assertThat(r).endsWith(" error")).hasSize(3);
    }
}
