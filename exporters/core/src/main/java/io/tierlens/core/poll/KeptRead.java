package io.tierlens.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The usual {@link RefreshPart}: one read that either works as a whole or fails, keeping its last good result
 * for up to {@code max_staleness}. Used from the polling thread only.
 */
public final class KeptRead<I, T> implements RefreshPart<I> {
    private final String name;
    private final String what;
    private final Function<I, T> read;
    private final Clock clock;
    private final Duration maxStaleness;
    private Optional<Kept<T>> last = Optional.empty();

    /**
     * @param what the read in a failure message, e.g. {@code "AWS Backup could not be read"}
     * @param read the read; throws when it fails
     */
    public KeptRead(String name, String what, Function<I, T> read, Clock clock, Duration maxStaleness) {
        this.name = name;
        this.what = what;
        this.read = read;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void refresh(I input, PollOutcome.Builder out) {
        try {
            T value = read.apply(input);
            last = Optional.of(new Kept<>(value, clock.instant()));
            out.succeeded(name);
        } catch (RuntimeException e) {
            out.failed(name, e, what, last.isPresent() ? "keeping the previous result" : "");
        }
    }

    /** The last good result, unless older than {@code max_staleness}. */
    public Optional<T> value(Instant now) {
        return fresh(now).map(Kept::value);
    }

    /** The last good result with its time, unless older than {@code max_staleness}. */
    public Optional<Kept<T>> fresh(Instant now) {
        return last.filter(k -> k.fresh(now, maxStaleness));
    }

    /** The last good result however old, e.g. to notice a change of state. */
    public Optional<T> latest() {
        return last.map(Kept::value);
    }
}
