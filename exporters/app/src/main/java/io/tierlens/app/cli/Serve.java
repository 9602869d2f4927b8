package io.tierlens.app.cli;

import io.tierlens.app.wiring.TierlensProcess;
import java.util.concurrent.CountDownLatch;

/** Keeps the main thread until SIGTERM/SIGINT, then closes the process cleanly. */
public final class Serve {
    private Serve() {}

    public static int untilShutdown(TierlensProcess process) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            process.close();
                            stopped.countDown();
                        },
                        "tierlens-shutdown"));
        stopped.await();
        return 0;
    }
}
