package io.tierlens.session.client;

import java.util.List;
import java.util.Optional;

/**
 * Our view of the Redis that holds Spring Session data: only the read commands the session exporter needs, so the
 * Redis ACL of tierlens can be this list (see {@code docs/exporters/session.md}). Every call has a timeout and
 * throws {@link RedisAccessException} on failure.
 *
 * <p>Key commands go to the node that owns the key (the replica when reads are configured to go there in
 * standalone mode). Node commands ({@link #info}, {@link #scan}) go to the node given.
 */
public interface SessionStore extends AutoCloseable {

    /** The nodes of this cycle; in cluster mode this asks the cluster for its current shape. */
    RedisTopology topology();

    /** The raw {@code INFO} reply of a node (default sections). */
    String info(RedisNode node);

    /** One {@code SCAN cursor MATCH match COUNT count} on a node. */
    ScanPage scan(RedisNode node, String cursor, String match, int count);

    /** {@code TYPE key}: {@code none}, {@code string}, {@code hash}, {@code set}, {@code zset}, ... */
    String type(String key);

    /** {@code ZCOUNT key min max} with Redis score syntax ({@code (123}, {@code -inf}, {@code +inf}). */
    long zcount(String key, String min, String max);

    /** {@code SCARD} of every key, pipelined; 0 for keys that do not exist. */
    List<Long> scard(List<String> keys);

    /** {@code SRANDMEMBER key count}: up to {@code count} distinct members, raw. */
    List<byte[]> srandmember(String key, int count);

    /** {@code ZRANDMEMBER key count} (Redis 6.2+): up to {@code count} distinct members, raw. */
    List<byte[]> zrandmember(String key, int count);

    /**
     * {@code HMGET key creationTime lastAccessedTime maxInactiveInterval} for every key, pipelined. Empty for a key
     * that no longer exists. No other field of a session is ever read.
     */
    List<Optional<RawSessionFields>> sessionFields(List<String> sessionKeys);

    @Override
    void close();
}
