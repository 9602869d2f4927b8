package io.tierlens.app.ha;

/**
 * Who does the shard's work in this process: always this replica without {@code ha.enabled}, else whoever holds the
 * shard's Lease. {@link #start} calls the listener on one thread, in order.
 */
public interface Leadership extends AutoCloseable {

    /** What the process does when it starts or stops leading. */
    interface Listener {
        void startedLeading();

        void stoppedLeading();
    }

    void start(Listener listener);

    /** Whether this replica leads now. */
    boolean leads();

    @Override
    void close();

    /** No election: this replica always works. */
    static Leadership always() {
        return new Leadership() {
            private volatile boolean leads;

            @Override
            public void start(Listener listener) {
                leads = true;
                listener.startedLeading();
            }

            @Override
            public boolean leads() {
                return leads;
            }

            @Override
            public void close() {
                leads = false;
            }
        };
    }
}
