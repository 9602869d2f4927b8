package io.tierlens.core.aws;

import io.tierlens.core.cloudwatch.PlannedCalls;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/**
 * Counts what GetMetricData is billed in {@code tierlens_aws_api_cost_usd_total{service="cloudwatch"}}: every HTTP
 * attempt AWS answered with 2xx costs its metrics requested × $0.00001 — a NextToken page too, and an attempt the SDK
 * retries although AWS had answered it (a body that could not be read). Attempts AWS refused (throttling, 429, 5xx,
 * 4xx) return no data and are not billed, so they are not counted. Runs per attempt: {@code afterTransmission} is
 * inside the SDK's retry loop.
 */
public final class GetMetricDataBilling implements ExecutionInterceptor {
    private final ApiCallRecorder recorder;

    public GetMetricDataBilling(ApiCallRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof GetMetricDataRequest request
                && context.httpResponse().isSuccessful()) {
            recorder.recordCost("cloudwatch", request.metricDataQueries().size() * PlannedCalls.USD_PER_METRIC);
        }
    }
}
