package io.tierlens.core.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Functional checks only. A rate of one token per 1,000 seconds makes "would wait" unmistakable without
 * measuring time: the bounds below only stop a broken limiter from hanging the build.
 */
class OperationRateLimiterTest {
    private static final double ONE_PER_1000_SECONDS = 0.001;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void eachOperationHasItsOwnBucket() {
        OperationRateLimiter limiter = new OperationRateLimiter(ONE_PER_1000_SECONDS, Map.of());

        assertTimeoutPreemptively(BOUND, () -> {
            limiter.acquire("cloudwatch", "GetMetricData");
            limiter.acquire("cloudwatch", "ListDashboards");
            limiter.acquire("elasticloadbalancingv2", "DescribeLoadBalancers");
            limiter.acquire("elasticloadbalancingv2", "DescribeTargetHealth");
            // the same operation name in another service is another bucket
            limiter.acquire("rds", "GetMetricData");
        });
    }

    @Test
    void anEmptyBucketMakesTheCallerWaitUntilInterrupted() throws Exception {
        OperationRateLimiter limiter = new OperationRateLimiter(ONE_PER_1000_SECONDS, Map.of());
        limiter.acquire("cloudwatch", "GetMetricData");

        Future<?> second = pool.submit(() -> {
            limiter.acquire("cloudwatch", "GetMetricData");
            return null;
        });

        // The next token is 1,000 s away, so this cannot succeed on a correct limiter however slow the machine.
        assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        // ...while other operations are not held up by it
        assertTimeoutPreemptively(BOUND, () -> limiter.acquire("cloudwatch", "PutMetricData"));
        second.cancel(true);
        assertThatThrownBy(second::get).isInstanceOf(CancellationException.class);
    }

    @Test
    void interruptedCallerGetsInterruptedException() throws Exception {
        OperationRateLimiter limiter = new OperationRateLimiter(ONE_PER_1000_SECONDS, Map.of());
        limiter.acquire("rds", "DescribeDBInstances");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> limiter.acquire("rds", "DescribeDBInstances"))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void perOperationRateOverridesTheDefault() {
        OperationRateLimiter limiter = new OperationRateLimiter(ONE_PER_1000_SECONDS, Map.of("GetMetricData", 1000.0));

        // the bucket holds one second's worth: 1,000 tokens at once
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 1000; i++) {
                limiter.acquire("cloudwatch", "GetMetricData");
            }
        });
    }

    @Test
    void defaultRateAppliesToOperationsWithoutOverride() throws Exception {
        OperationRateLimiter limiter = new OperationRateLimiter(ONE_PER_1000_SECONDS, Map.of("GetMetricData", 1000.0));
        limiter.acquire("cloudwatch", "DescribeAlarms");

        Future<?> second = pool.submit(() -> {
            limiter.acquire("cloudwatch", "DescribeAlarms");
            return null;
        });

        assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        second.cancel(true);
    }

    @Test
    void tokensComeBack() {
        OperationRateLimiter limiter = new OperationRateLimiter(50, Map.of());

        // 50 at once from the full bucket, the rest as it refills; a hang would mean it never refills
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 60; i++) {
                limiter.acquire("ec2", "DescribeSpotPriceHistory");
            }
        });
    }

    @Test
    void slowRatesStillAllowOneRequest() {
        OperationRateLimiter limiter = new OperationRateLimiter(0.2, Map.of());

        assertTimeoutPreemptively(BOUND, () -> limiter.acquire("pricing", "GetProducts"));
    }
}
