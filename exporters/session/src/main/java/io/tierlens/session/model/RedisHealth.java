package io.tierlens.session.model;

import java.util.OptionalLong;

/**
 * Health of one Redis node from {@code INFO}. Absent values are fields this Redis does not report.
 *
 * @param instance {@code host:port}, the {@code instance} label
 * @param up whether the node answered INFO with our credentials
 */
public record RedisHealth(
        String instance,
        boolean up,
        OptionalLong usedMemoryBytes,
        OptionalLong maxmemoryBytes,
        OptionalLong connectedClients,
        OptionalLong evictedKeys,
        OptionalLong keyspaceHits,
        OptionalLong keyspaceMisses) {

    public static RedisHealth down(String instance) {
        return new RedisHealth(
                instance,
                false,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** Health from the fields of an INFO reply. */
    public static RedisHealth fromInfo(String instance, RedisInfo info) {
        return new RedisHealth(
                instance,
                true,
                info.number("used_memory"),
                info.number("maxmemory"),
                info.number("connected_clients"),
                info.number("evicted_keys"),
                info.number("keyspace_hits"),
                info.number("keyspace_misses"));
    }
}
