package io.tierlens.core.aws;

/**
 * Where AWS request attempts and their cost are counted. The real SDK clients report through
 * {@link SdkCallMetricsPublisher}; the demo's simulated clients report through the same interface so that the
 * self-metrics look the same in both modes.
 */
public interface ApiCallRecorder {

    /** One HTTP attempt (a retried call counts once per attempt). */
    void recordRequest(String service, String operation, ApiOutcome outcome);

    /** Money a successful call cost, in USD (GetMetricData: $0.01 per 1,000 metrics requested). */
    void recordCost(String service, double usd);

    ApiCallRecorder NOOP = new ApiCallRecorder() {
        @Override
        public void recordRequest(String service, String operation, ApiOutcome outcome) {}

        @Override
        public void recordCost(String service, double usd) {}
    };
}
