package io.tierlens.core.poll;

import java.time.Instant;

/**
 * The data timestamp of a refresh ({@code tierlens_data_age_seconds}): the end of the newest CloudWatch period
 * served; without CloudWatch data, the newest direct read (a discovery, an API read); without either, now.
 */
public final class DataTime {
    private Instant newestMeasured;
    private Instant newestRead;

    /** The end of a CloudWatch period that is served. */
    public void measured(Instant periodEnd) {
        newestMeasured = newer(newestMeasured, periodEnd);
    }

    /** When a served direct read finished. */
    public void read(Instant at) {
        newestRead = newer(newestRead, at);
    }

    public Instant resolve(Instant now) {
        return newestMeasured != null ? newestMeasured : newestRead != null ? newestRead : now;
    }

    private static Instant newer(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
