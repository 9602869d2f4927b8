package io.tierlens.core.aws;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Takes a token from {@link OperationRateLimiter} before every HTTP attempt, retries included. */
final class RateLimitInterceptor implements ExecutionInterceptor {
    private final OperationRateLimiter limiter;

    RateLimitInterceptor(OperationRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = ServiceNames.label(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        try {
            limiter.acquire(service, operation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder()
                    .message("interrupted while rate limited")
                    .build();
        }
    }
}
