package io.tierlens.core.poll;

/**
 * A read a poller does every poll besides discovery and CloudWatch (DescribeTargetHealth, AWS Backup, ...). It
 * keeps its own last good result and serves it for up to {@code max_staleness}, so it fails on its own.
 *
 * @param <I> what the read needs: the target's inventory, or the target itself for parts without discovery
 */
public interface RefreshPart<I> {

    /** Bounded part name, e.g. {@code target_health}: the {@code part} of a failure, later a label value. */
    String name();

    /**
     * One read. Reports success and failures as {@link #name()} to {@code out}; a part with nothing to read
     * reports nothing. A RuntimeException that escapes counts as a failure of the whole part.
     */
    void refresh(I input, PollOutcome.Builder out);
}
