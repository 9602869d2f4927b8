package io.tierlens.session.testing;

import io.tierlens.session.model.SessionKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes sessions the way Spring Session's repositories do, command for command, so the demo and the tests see
 * real Spring Session data: keys, hash fields, JDK-serialized values ({@code JdkSerializationRedisSerializer},
 * the default), TTLs including the 5-minute grace of the indexed repository, minute buckets or the sorted set,
 * and the principal index. It mirrors:
 *
 * <ul>
 *   <li>{@code RedisIndexedSessionRepository.RedisSession#saveDelta} (hash, principal index) and
 *       {@code RedisSessionExpirationPolicy#onExpirationUpdated} / {@code #onDelete} (minute buckets, expires key);
 *   <li>the same repository with {@code SortedSetRedisSessionExpirationStore} (3.4+);
 *   <li>{@code RedisSessionRepository} (plain: the hash with PEXPIREAT, nothing else).
 * </ul>
 *
 * Pub/sub messages ({@code <ns>:event:0:created:<id>}) carry no keys and are left out.
 */
public final class SpringSessionWriter {

    /** The three ways Spring Session stores sessions. */
    public enum Store {
        PLAIN,
        INDEXED_MINUTE,
        INDEXED_SORTED_SET
    }

    /** What the application knows about a session (only the simulator and tests hold this). */
    public record Session(
            String id,
            Instant creationTime,
            Instant lastAccessedTime,
            Duration maxInactiveInterval,
            Optional<String> principal) {

        public Session touched(Instant at) {
            return new Session(id, creationTime, at, maxInactiveInterval, principal);
        }

        public Instant expiry() {
            return lastAccessedTime.plus(maxInactiveInterval);
        }
    }

    private final UnifiedJedis redis;
    private final SessionKeys keys;
    private final Store store;

    public SpringSessionWriter(UnifiedJedis redis, String namespace, Store store) {
        this.redis = redis;
        this.keys = new SessionKeys(namespace);
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public SessionKeys keys() {
        return keys;
    }

    /** {@code repository.save(repository.createSession())} with the principal name attribute set (a login). */
    public void create(Session s) {
        try (AbstractPipeline p = redis.pipelined()) {
            create(p, s);
            p.sync();
        }
    }

    /** The same into a caller's pipeline (bulk loading). */
    public void create(AbstractPipeline p, Session s) {
        Map<byte[], byte[]> delta = new LinkedHashMap<>();
        delta.put(bytes(SessionKeys.CREATION_TIME), jdk(s.creationTime().toEpochMilli()));
        delta.put(bytes(SessionKeys.MAX_INACTIVE_INTERVAL), jdk((int)
                s.maxInactiveInterval().getSeconds()));
        delta.put(
                bytes(SessionKeys.LAST_ACCESSED_TIME), jdk(s.lastAccessedTime().toEpochMilli()));
        s.principal()
                .ifPresent(name -> delta.put(bytes("sessionAttr:" + SessionKeys.PRINCIPAL_NAME_INDEX_NAME), jdk(name)));
        p.hset(bytes(keys.sessionKey(s.id())), delta);
        if (store == Store.PLAIN) {
            p.pexpireAt(bytes(keys.sessionKey(s.id())), s.expiry().toEpochMilli());
            return;
        }
        s.principal().ifPresent(name -> p.sadd(bytes(keys.principalKey(name)), jdk(s.id())));
        onExpirationUpdated(p, null, s);
    }

    /** A request: {@code setLastAccessedTime(now)} and save. */
    public Session touch(Session s, Instant now) {
        Session after = s.touched(now);
        try (AbstractPipeline p = redis.pipelined()) {
            p.hset(
                    bytes(keys.sessionKey(s.id())),
                    Map.of(bytes(SessionKeys.LAST_ACCESSED_TIME), jdk(now.toEpochMilli())));
            if (store == Store.PLAIN) {
                p.pexpireAt(bytes(keys.sessionKey(s.id())), after.expiry().toEpochMilli());
            } else {
                onExpirationUpdated(p, s.expiry(), after);
            }
            p.sync();
        }
        return after;
    }

    /** A logout: {@code repository.deleteById(id)}. */
    public void delete(Session s) {
        try (AbstractPipeline p = redis.pipelined()) {
            if (store == Store.PLAIN) {
                p.del(bytes(keys.sessionKey(s.id())));
                p.sync();
                return;
            }
            s.principal().ifPresent(name -> p.srem(bytes(keys.principalKey(name)), jdk(s.id())));
            if (store == Store.INDEXED_MINUTE) {
                p.srem(bytes(keys.bucketKey(SessionKeys.bucketOf(s.expiry()))), jdk(expiresMember(s.id())));
            } else {
                p.zrem(bytes(keys.sortedSetKey()), jdk(s.id()));
            }
            p.del(bytes(keys.expiresKey(s.id())));
            // deleteById ends with setMaxInactiveInterval(0) and save(): the hash lingers for the grace period.
            Session zero = new Session(s.id(), s.creationTime(), s.lastAccessedTime(), Duration.ZERO, s.principal());
            p.hset(bytes(keys.sessionKey(s.id())), Map.of(bytes(SessionKeys.MAX_INACTIVE_INTERVAL), jdk(0)));
            // its "original expiration" is computed with the new interval (0), so the bucket does not change
            onExpirationUpdated(p, zero.expiry(), zero);
            p.sync();
        }
    }

    /**
     * The application's scheduled cleanup ({@code cleanUpExpiredSessions}, every minute) followed by what its
     * keyspace-event listener does for each session whose expires key Redis then expires: remove it from the
     * principal index (and from the sorted set).
     *
     * @param principals principal name per session id, as the listener would read it from the session hash
     */
    @SuppressWarnings("deprecation") // zrevrangeByScore is what reverseRangeByScore sends; kept for fidelity
    public void cleanupExpired(Instant now, Map<String, String> principals) {
        if (store == Store.PLAIN) {
            return;
        }
        List<String> ids;
        if (store == Store.INDEXED_MINUTE) {
            long prevMin = Math.floorDiv(now.toEpochMilli(), 60_000L) * 60_000L;
            byte[] bucket = bytes(keys.bucketKey(prevMin));
            ids = redis.smembers(bucket).stream()
                    .map(m -> SessionKeys.sessionIdOfMember(unjdk(m)))
                    .toList();
            redis.del(bucket);
        } else {
            ids = redis.zrevrangeByScore(bytes(keys.sortedSetKey()), now.toEpochMilli(), 0, 0, 100).stream()
                    .map(SpringSessionWriter::unjdk)
                    .toList();
        }
        for (String id : ids) {
            // touching the expires key makes Redis expire it now if its TTL passed
            if (!redis.exists(keys.expiresKey(id))) {
                String principal = principals.get(id);
                if (principal != null) {
                    redis.srem(bytes(keys.principalKey(principal)), jdk(id));
                }
                if (store == Store.INDEXED_SORTED_SET) {
                    redis.zrem(bytes(keys.sortedSetKey()), jdk(id));
                }
            }
        }
    }

    /** {@code RedisSessionExpirationPolicy#onExpirationUpdated}, or the sorted-set store's equivalent. */
    private void onExpirationUpdated(AbstractPipeline p, Instant originalExpiry, Session s) {
        long seconds = s.maxInactiveInterval().getSeconds();
        long grace = seconds + SessionKeys.GRACE_SECONDS;
        byte[] expiresKey = bytes(keys.expiresKey(s.id()));
        byte[] sessionKey = bytes(keys.sessionKey(s.id()));
        if (store == Store.INDEXED_MINUTE) {
            long toExpire = SessionKeys.bucketOf(s.expiry());
            byte[] member = jdk(expiresMember(s.id()));
            if (originalExpiry != null && SessionKeys.bucketOf(originalExpiry) != toExpire) {
                p.srem(bytes(keys.bucketKey(SessionKeys.bucketOf(originalExpiry))), member);
            }
            byte[] bucket = bytes(keys.bucketKey(toExpire));
            p.sadd(bucket, member);
            p.expire(bucket, grace);
        }
        if (seconds == 0) {
            p.del(expiresKey);
        } else {
            p.append(expiresKey, new byte[0]);
            p.expire(expiresKey, seconds);
        }
        p.expire(sessionKey, grace);
        if (store == Store.INDEXED_SORTED_SET) {
            p.zadd(bytes(keys.sortedSetKey()), s.expiry().toEpochMilli(), jdk(s.id()));
        }
    }

    private static String expiresMember(String id) {
        return SessionKeys.EXPIRES_MEMBER_PREFIX + id;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What {@code JdkSerializationRedisSerializer} writes: plain {@code ObjectOutputStream.writeObject}. */
    public static byte[] jdk(Serializable value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String unjdk(byte[] raw) {
        return io.tierlens.session.client.SpringSessionCodec.decodeString(raw).orElse("");
    }
}
