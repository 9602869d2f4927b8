package io.tierlens.session.discovery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much SCAN one refresh cycle may still do, over all namespaces: a deadline and a number of keys. Checked
 * before every SCAN call, so a cycle overshoots by at most one call.
 */
public final class ScanBudget {
    private final LongSupplier nanoTime;
    private final long deadline;
    private long keysLeft;

    private ScanBudget(LongSupplier nanoTime, Duration time, long keys) {
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + time.toNanos();
        this.keysLeft = keys;
    }

    public static ScanBudget start(Duration time, long keys) {
        return new ScanBudget(System::nanoTime, time, keys);
    }

    /** For tests: a budget measured with the given clock. */
    public static ScanBudget start(Duration time, long keys, LongSupplier nanoTime) {
        return new ScanBudget(nanoTime, time, keys);
    }

    public boolean exhausted() {
        return keysLeft <= 0 || nanoTime.getAsLong() - deadline >= 0;
    }

    public void consume(int keys) {
        keysLeft -= keys;
    }
}
