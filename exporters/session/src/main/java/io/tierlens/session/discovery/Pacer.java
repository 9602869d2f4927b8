package io.tierlens.session.discovery;

import java.time.Duration;

/** The pause between two SCAN calls, which gives the application's commands room on Redis' single thread. */
@FunctionalInterface
public interface Pacer {
    Pacer NONE = () -> {};

    void pause() throws InterruptedException;

    static Pacer sleeping(Duration pause) {
        if (pause.isZero()) {
            return NONE;
        }
        long ms = pause.toMillis();
        int nanos = (int) (pause.toNanos() - ms * 1_000_000L);
        return () -> Thread.sleep(ms, nanos);
    }
}
