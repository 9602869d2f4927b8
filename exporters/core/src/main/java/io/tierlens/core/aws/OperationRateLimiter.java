package io.tierlens.core.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per (service, operation), so a burst of discovery pages never trips AWS's per-operation
 * TPS limits (for example DescribeTargetHealth, or GetMetricData at 50 TPS per account and region). Callers
 * block until a token is free; the bucket holds one second's worth of tokens.
 */
public final class OperationRateLimiter {
    private final double defaultRate;
    private final Map<String, Double> perOperation;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public OperationRateLimiter(double defaultRatePerSecond, Map<String, Double> perOperation) {
        this.defaultRate = defaultRatePerSecond;
        this.perOperation = Map.copyOf(perOperation);
    }

    /** Blocks until a request of {@code operation} may be sent. */
    public void acquire(String service, String operation) throws InterruptedException {
        double rate = perOperation.getOrDefault(operation, defaultRate);
        Bucket bucket = buckets.computeIfAbsent(service + ":" + operation, k -> new Bucket(rate));
        long waitNanos;
        while ((waitNanos = bucket.tryTake()) > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    private static final class Bucket {
        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double ratePerSecond) {
            this.ratePerNano = ratePerSecond / 1e9;
            this.capacity = Math.max(1.0, ratePerSecond);
            this.tokens = capacity;
        }

        /** Takes a token and returns 0, or returns how long to wait for one. */
        synchronized long tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            return (long) Math.ceil((1.0 - tokens) / ratePerNano);
        }
    }
}
