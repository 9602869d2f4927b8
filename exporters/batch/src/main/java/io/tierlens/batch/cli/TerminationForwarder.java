package io.tierlens.batch.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes a SIGTERM of run-job (a pod being deleted) on to the job. The JVM runs shutdown hooks on SIGTERM and
 * halts when they return, so the hook stops the job, then waits until the main thread has copied the job's last
 * output and pushed its result ({@link #close()}), bounded by the grace period and a push allowance (together
 * within Kubernetes' default 30 s termination grace period).
 *
 * <p>The hook is registered before the job starts, so a signal that arrives while it starts is not lost.
 */
final class TerminationForwarder implements AutoCloseable {
    private final Duration grace;
    private final Duration pushAllowance;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private JobProcess process;
    private boolean requested;

    TerminationForwarder(Duration grace, Duration pushAllowance) {
        this.grace = grace;
        this.pushAllowance = pushAllowance;
        this.hook = new Thread(this::onShutdown, "run-job-termination");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The job to pass the signal to; false when termination was requested before it started. */
    synchronized boolean attach(JobProcess p) {
        if (requested) {
            return false;
        }
        process = p;
        return true;
    }

    Duration grace() {
        return grace;
    }

    private void onShutdown() {
        JobProcess p;
        synchronized (this) {
            requested = true;
            p = process;
        }
        try {
            if (p != null && p.alive()) {
                p.terminate(grace);
            }
            done.await(grace.plus(pushAllowance).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result is pushed: a terminating JVM may halt now; otherwise the hook is removed. */
    @Override
    public void close() {
        done.countDown();
        removeHook();
    }

    /** False when a shutdown is under way: the hook is running then, and returns now that we are done. */
    private boolean removeHook() {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
