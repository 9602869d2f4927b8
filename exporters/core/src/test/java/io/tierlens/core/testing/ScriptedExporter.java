package io.tierlens.core.testing;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.RefreshResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Exporter} whose refreshes follow a script: each refresh runs the next step; the last step repeats.
 * Steps return a result, throw, or wait for a latch (to stand for a refresh stuck in an AWS call).
 */
public final class ScriptedExporter implements Exporter {

    /** One refresh. */
    @FunctionalInterface
    public interface Step {
        RefreshResult run() throws Exception;
    }

    private final String name;
    private final Duration refreshInterval;
    private final Duration maxStaleness;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean closed;

    public ScriptedExporter(String name, Duration refreshInterval, Duration maxStaleness) {
        this.name = name;
        this.refreshInterval = refreshInterval;
        this.maxStaleness = maxStaleness;
    }

    public synchronized ScriptedExporter then(Step step) {
        steps.addLast(step);
        return this;
    }

    public ScriptedExporter thenReturn(MetricSnapshots data, Instant dataTimestamp) {
        return then(() -> RefreshResult.of(data, dataTimestamp));
    }

    public ScriptedExporter thenThrow(Exception e) {
        return then(() -> {
            throw e;
        });
    }

    /** A refresh that does not return until {@code release} is counted down (or the thread is interrupted). */
    public ScriptedExporter thenBlockUntil(CountDownLatch release, MetricSnapshots data, Instant dataTimestamp) {
        return then(() -> {
            release.await();
            return RefreshResult.of(data, dataTimestamp);
        });
    }

    /** How many refreshes have started. */
    public int refreshes() {
        return refreshes.get();
    }

    /** Counted down when the first refresh starts. */
    public CountDownLatch firstRefreshStarted() {
        return started;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration refreshInterval() {
        return refreshInterval;
    }

    @Override
    public Duration maxStaleness() {
        return maxStaleness;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public RefreshResult refresh() throws Exception {
        refreshes.incrementAndGet();
        started.countDown();
        Step step;
        synchronized (this) {
            if (steps.isEmpty()) {
                throw new IllegalStateException("no refresh scripted for " + name);
            }
            step = steps.size() > 1 ? steps.removeFirst() : steps.getFirst();
        }
        return step.run();
    }
}
