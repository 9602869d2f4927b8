package io.tierlens.session.model;

import java.time.Instant;
import java.util.List;

/**
 * Sessions read in one cycle to describe the population (age, idle time, timeouts in use).
 *
 * @param sampledAt when the fields were read; ages and idle times are relative to it
 * @param sessions the sessions that were still there and could be decoded
 * @param missing sampled keys that were gone by the time they were read (normal churn)
 * @param undecodable sampled hashes whose fields were in an encoding we do not know
 */
public record SessionSample(Instant sampledAt, List<SessionTimes> sessions, int missing, int undecodable) {

    public SessionSample {
        sessions = List.copyOf(sessions);
    }

    public static SessionSample empty(Instant at) {
        return new SessionSample(at, List.of(), 0, 0);
    }

    /** The sampled sessions that had not expired at {@link #sampledAt}. */
    public List<SessionTimes> live() {
        return sessions.stream().filter(s -> !s.expiredAt(sampledAt)).toList();
    }
}
