package io.tierlens.app.scale;

import io.tierlens.core.aws.AwsTarget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which shard watches a target: Lamping and Veach's jump consistent hash of the first 8 bytes (big-endian) of the
 * SHA-256 of the target's key. SHA-256 and the jump function are fixed by their specifications, so every JVM and
 * every release computes the same assignment (unlike {@code String.hashCode}, which is 32 bits and clusters); jump
 * hashing spreads keys evenly and, going from N to N+1 shards, moves only the ~1/(N+1) of the keys that go to the
 * new shard. Keys: {@code aws:<account_id>/<region>} and {@code redis:<address as configured>}.
 */
public final class ShardAssignment {
    private ShardAssignment() {}

    /** The key of an AWS (account, region) target. */
    public static String awsKey(AwsTarget target) {
        return "aws:" + target.accountId() + "/" + target.region();
    }

    /** The key of a Redis instance, from its configured address. */
    public static String redisKey(String address) {
        return "redis:" + address;
    }

    /** The shard of {@code key} among {@code shards}, in [0, shards). */
    public static int shardOf(String key, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be positive, got " + shards);
        }
        return jump(hash64(key), shards);
    }

    /** First 8 bytes of SHA-256(UTF-8 key), big-endian. */
    static long hash64(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Jump consistent hash, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014), figure 1. */
    static int jump(long key, int buckets) {
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }
}
