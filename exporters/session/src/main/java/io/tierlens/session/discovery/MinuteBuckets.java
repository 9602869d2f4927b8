package io.tierlens.session.discovery;

import io.tierlens.session.client.RawSessionFields;
import io.tierlens.session.client.SessionStore;
import io.tierlens.session.client.SpringSessionCodec;
import io.tierlens.session.model.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The minute buckets of {@code RedisSessionExpirationPolicy}: {@code <ns>:expirations:<ms>} holds
 * {@code expires:<id>} of every session whose expiry rounds up to that minute. Each session is in exactly one
 * bucket (a request moves it), so the sum over the buckets from now on is the number of live sessions — with
 * one SCARD per minute of the horizon instead of a SCAN of the keyspace.
 *
 * <p>Spring Session's cleanup job deletes the bucket of the minute that just ended, every minute. Buckets older
 * than that still holding members are the expiry backlog: sessions the cleanup has not processed.
 *
 * <p>The current minute's bucket also holds the sessions that expired earlier in this minute (a bucket is the
 * minute an expiry rounds <em>up</em> to). To keep the count exact, the expiry of each of its members is read
 * (one minute of expiries, pipelined HMGET) and the expired ones are left out.
 *
 * @param activeBuckets bucket start times (ms) from the current minute to the horizon, with their sizes
 * @param backlogBuckets bucket start times that should have been cleaned up already, with their sizes
 * @param expiredInCurrent members of the current minute's bucket whose session has expired or is gone
 */
public record MinuteBuckets(List<Bucket> activeBuckets, List<Bucket> backlogBuckets, long expiredInCurrent) {
    /** Buckets older than this are gone by themselves (their TTL is the timeout plus 5 minutes of grace). */
    static final Duration LOOKBACK = Duration.ofMinutes(10);

    /**
     * Members of the current bucket whose expiry is read; a bigger bucket (over 3 million sessions per 30-minute
     * timeout) is judged from this many random members.
     */
    static final int MAX_CURRENT_MEMBERS = 100_000;

    /** One bucket and its size. */
    public record Bucket(String key, long size) {}

    public MinuteBuckets {
        activeBuckets = List.copyOf(activeBuckets);
        backlogBuckets = List.copyOf(backlogBuckets);
    }

    public MinuteBuckets(List<Bucket> activeBuckets, List<Bucket> backlogBuckets) {
        this(activeBuckets, backlogBuckets, 0);
    }

    /** Reads the sizes of every bucket that matters at {@code now}: one pipelined SCARD per minute. */
    public static MinuteBuckets read(SessionStore store, SessionKeys keys, Instant now, Duration horizon) {
        List<Long> active = activeMinutes(now, horizon);
        List<Long> backlog = backlogMinutes(now);
        List<String> all = new ArrayList<>(active.size() + backlog.size());
        active.forEach(m -> all.add(keys.bucketKey(m)));
        backlog.forEach(m -> all.add(keys.bucketKey(m)));
        List<Long> sizes = store.scard(all);
        List<Bucket> a = new ArrayList<>();
        List<Bucket> b = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i < active.size() ? a : b).add(new Bucket(all.get(i), sizes.get(i)));
        }
        return new MinuteBuckets(a, b, a.isEmpty() ? 0 : expiredIn(store, keys, a.get(0), now));
    }

    /** How many members of the current bucket are no longer live sessions at {@code now}. */
    static long expiredIn(SessionStore store, SessionKeys keys, Bucket current, Instant now) {
        if (current.size() == 0) {
            return 0;
        }
        List<String> sessionKeys = new ArrayList<>();
        int want = (int) Math.min(current.size(), MAX_CURRENT_MEMBERS);
        for (byte[] member : store.srandmember(current.key(), want)) {
            SpringSessionCodec.decodeString(member)
                    .map(SessionKeys::sessionIdOfMember)
                    .map(keys::sessionKey)
                    .ifPresent(sessionKeys::add);
        }
        if (sessionKeys.isEmpty()) {
            return 0;
        }
        long expired = 0;
        for (Optional<RawSessionFields> f : store.sessionFields(sessionKeys)) {
            // A hash that is gone was deleted (logout) or expired; one that cannot be decoded counts as live.
            boolean gone = f.isEmpty()
                    || SpringSessionCodec.decodeTimes(f.get())
                            .map(t -> t.expiredAt(now))
                            .orElse(false);
            expired += gone ? 1 : 0;
        }
        if (sessionKeys.size() >= current.size()) {
            return Math.min(expired, current.size());
        }
        return Math.round((double) expired / sessionKeys.size() * current.size());
    }

    /** From the bucket of {@code now} (the next whole minute) to the bucket of {@code now + horizon}. */
    static List<Long> activeMinutes(Instant now, Duration horizon) {
        long first = SessionKeys.bucketOf(now);
        long last = SessionKeys.bucketOf(now.plus(horizon));
        List<Long> out = new ArrayList<>();
        for (long m = first; m <= last; m += 60_000L) {
            out.add(m);
        }
        return out;
    }

    /**
     * Buckets at least a minute older than the one the cleanup job processed last: the job runs at second 0 of
     * every minute and takes the bucket of the minute that just began, so one bucket is always in flight and
     * is neither live nor backlog.
     */
    static List<Long> backlogMinutes(Instant now) {
        long inFlight = Math.floorDiv(now.toEpochMilli(), 60_000L) * 60_000L;
        List<Long> out = new ArrayList<>();
        for (long m = inFlight - LOOKBACK.toMillis(); m < inFlight; m += 60_000L) {
            out.add(m);
        }
        return out;
    }

    /** Live sessions: every member from the current minute on, less those of this minute already expired. */
    public long active() {
        return Math.max(0, activeBuckets.stream().mapToLong(Bucket::size).sum() - expiredInCurrent);
    }

    /** Every member of every bucket read, expired or not: what the namespace holds in its index. */
    public long members() {
        return activeBuckets.stream().mapToLong(Bucket::size).sum() + backlog();
    }

    public long backlog() {
        return backlogBuckets.stream().mapToLong(Bucket::size).sum();
    }

    /** Whether any bucket exists at all: how the minute layout is recognised. */
    public boolean anyPresent() {
        return activeBuckets.stream().anyMatch(b -> b.size() > 0) || backlog() > 0;
    }
}
