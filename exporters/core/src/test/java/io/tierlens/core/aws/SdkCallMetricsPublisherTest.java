package io.tierlens.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.Scraped;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollector;

class SdkCallMetricsPublisherTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SdkCallMetricsPublisher publisher = new SdkCallMetricsPublisher(new SelfMetrics(registry));

    private static MetricCollector call(String service, String operation) {
        MetricCollector call = MetricCollector.create("ApiCall");
        if (service != null) {
            call.reportMetric(CoreMetric.SERVICE_ID, service);
        }
        if (operation != null) {
            call.reportMetric(CoreMetric.OPERATION_NAME, operation);
        }
        return call;
    }

    private static void attempt(MetricCollector call, Integer status, String errorType) {
        MetricCollector attempt = call.createChild("ApiCallAttempt");
        if (status != null) {
            attempt.reportMetric(HttpMetric.HTTP_STATUS_CODE, status);
        }
        if (errorType != null) {
            attempt.reportMetric(CoreMetric.ERROR_TYPE, errorType);
        }
        // what the SDK nests under an attempt; not an attempt itself
        attempt.createChild("HttpClient").reportMetric(HttpMetric.HTTP_CLIENT_NAME, "UrlConnection");
    }

    private double requests(String service, String operation, String outcome) {
        return Scraped.counter(
                registry,
                "tierlens_aws_api_requests_total",
                "service",
                service,
                "operation",
                operation,
                "outcome",
                outcome);
    }

    @Test
    void countsEveryAttemptWithItsOutcome() {
        MetricCollector call = call("CloudWatch", "GetMetricData");
        attempt(call, 400, "Throttling");
        attempt(call, 400, "Throttling");
        attempt(call, 200, null);
        call.reportMetric(CoreMetric.API_CALL_SUCCESSFUL, true);

        publisher.publish(call.collect());

        assertThat(requests("cloudwatch", "GetMetricData", "throttled")).isEqualTo(2);
        assertThat(requests("cloudwatch", "GetMetricData", "ok")).isEqualTo(1);
        assertThat(requests("cloudwatch", "GetMetricData", "error")).isZero();
    }

    @Test
    void status429IsThrottledEvenWithoutAnErrorType() {
        MetricCollector call = call("Elastic Load Balancing v2", "DescribeTargetHealth");
        attempt(call, 429, null);

        publisher.publish(call.collect());

        assertThat(requests("elasticloadbalancingv2", "DescribeTargetHealth", "throttled"))
                .isEqualTo(1);
    }

    @Test
    void serverErrorsTimeoutsAndIoFailuresAreErrors() {
        MetricCollector call = call("RDS", "DescribeDBInstances");
        attempt(call, 500, "ServerSideError");
        attempt(call, null, "ConfiguredTimeout");
        attempt(call, null, "IO");
        attempt(call, 403, "Other");
        attempt(call, null, null);

        publisher.publish(call.collect());

        assertThat(requests("rds", "DescribeDBInstances", "error")).isEqualTo(5);
        assertThat(requests("rds", "DescribeDBInstances", "ok")).isZero();
    }

    @Test
    void http503IsCountedAsThrottledLikeThrottlingCodesAnd429() {
        // AWS answers 503 (ServiceUnavailable / SlowDown) when it sheds load; the SDK retries it like a throttle.
        MetricCollector call = call("RDS", "DescribeDBInstances");
        attempt(call, 503, "ServerSideError");

        publisher.publish(call.collect());

        assertThat(requests("rds", "DescribeDBInstances", "throttled")).isEqualTo(1);
    }

    @Test
    void aCallThatFailedBeforeAnyAttemptCountsOnce() {
        MetricCollector failed = call("STS", "AssumeRole");
        failed.reportMetric(CoreMetric.API_CALL_SUCCESSFUL, false);
        MetricCollector unknown = call("STS", "AssumeRole");

        publisher.publish(failed.collect());
        publisher.publish(unknown.collect());

        assertThat(requests("sts", "AssumeRole", "error")).isEqualTo(2);
    }

    @Test
    void missingNamesBecomeUnknown() {
        MetricCollector call = call(null, null);
        attempt(call, 200, null);

        publisher.publish(call.collect());

        assertThat(requests("unknown", "unknown", "ok")).isEqualTo(1);
    }

    @Test
    void outcomeOfOneAttempt() {
        MetricCollector ok = MetricCollector.create("ApiCallAttempt");
        ok.reportMetric(HttpMetric.HTTP_STATUS_CODE, 204);
        MetricCollector redirect = MetricCollector.create("ApiCallAttempt");
        redirect.reportMetric(HttpMetric.HTTP_STATUS_CODE, 301);

        assertThat(SdkCallMetricsPublisher.outcome(ok.collect())).isEqualTo(ApiOutcome.OK);
        assertThat(SdkCallMetricsPublisher.outcome(redirect.collect())).isEqualTo(ApiOutcome.ERROR);
    }

    @Test
    void serviceNamesBecomeLabelValues() {
        assertThat(ServiceNames.label("Elastic Load Balancing v2")).isEqualTo("elasticloadbalancingv2");
        assertThat(ServiceNames.label("CloudWatch")).isEqualTo("cloudwatch");
        assertThat(ServiceNames.label("Cost Explorer")).isEqualTo("costexplorer");
        assertThat(ServiceNames.label(null)).isEqualTo("unknown");
    }
}
