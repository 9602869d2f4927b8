package io.tierlens.session.discovery;

import io.tierlens.session.client.RawSessionFields;
import io.tierlens.session.client.SessionStore;
import io.tierlens.session.client.SpringSessionCodec;
import io.tierlens.session.model.SessionKeys;
import io.tierlens.session.model.SessionSample;
import io.tierlens.session.model.SessionTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks at most N sessions of a namespace and reads their three bookkeeping fields. Where the layout has an index
 * the ids come from it (random members of the buckets or the sorted set); the plain layout hands over the keys
 * its SCAN sampled.
 */
public final class SessionSampler {
    private final SessionKeys keys;
    private final int size;

    public SessionSampler(SessionKeys keys, int size) {
        this.keys = keys;
        this.size = size;
    }

    /** Ids from minute buckets, each bucket contributing in proportion to its size. */
    public SessionSample fromBuckets(SessionStore store, MinuteBuckets buckets, Instant now) {
        long total = buckets.active();
        if (size == 0 || total == 0) {
            return SessionSample.empty(now);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (MinuteBuckets.Bucket b : buckets.activeBuckets()) {
            if (b.size() == 0) {
                continue;
            }
            int want = (int) Math.max(1, Math.round((double) size * b.size() / total));
            for (byte[] member : store.srandmember(b.key(), want)) {
                SpringSessionCodec.decodeString(member)
                        .map(SessionKeys::sessionIdOfMember)
                        .ifPresent(ids::add);
            }
            if (ids.size() >= size) {
                break;
            }
        }
        return read(store, ids.stream().limit(size).map(keys::sessionKey).toList(), now);
    }

    /** Ids from the sorted-set store. */
    public SessionSample fromSortedSet(SessionStore store, Instant now) {
        if (size == 0) {
            return SessionSample.empty(now);
        }
        List<String> sessionKeys = new ArrayList<>();
        for (byte[] member : store.zrandmember(keys.sortedSetKey(), size)) {
            SpringSessionCodec.decodeString(member).map(keys::sessionKey).ifPresent(sessionKeys::add);
        }
        return read(store, sessionKeys, now);
    }

    /** Keys a SCAN sampled (plain layout). */
    public SessionSample fromKeys(SessionStore store, List<String> sessionKeys, Instant now) {
        if (size == 0 || sessionKeys.isEmpty()) {
            return SessionSample.empty(now);
        }
        return read(store, sessionKeys.stream().limit(size).toList(), now);
    }

    private SessionSample read(SessionStore store, List<String> sessionKeys, Instant now) {
        if (sessionKeys.isEmpty()) {
            return SessionSample.empty(now);
        }
        List<Optional<RawSessionFields>> raw = store.sessionFields(sessionKeys);
        List<SessionTimes> times = new ArrayList<>(raw.size());
        int missing = 0;
        int undecodable = 0;
        for (Optional<RawSessionFields> r : raw) {
            if (r.isEmpty()) {
                missing++;
                continue;
            }
            Optional<SessionTimes> t = SpringSessionCodec.decodeTimes(r.get());
            if (t.isPresent()) {
                times.add(t.get());
            } else {
                undecodable++;
            }
        }
        return new SessionSample(now, times, missing, undecodable);
    }
}
