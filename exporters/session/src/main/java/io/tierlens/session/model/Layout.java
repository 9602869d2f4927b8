package io.tierlens.session.model;

import java.util.Locale;

/**
 * How a Spring Session namespace keeps its sessions in Redis, which decides how they can be counted cheaply.
 *
 * <ul>
 *   <li>{@link #INDEXED_SORTED_SET}: {@code RedisIndexedSessionRepository} with {@code SortedSetRedisSessionExpirationStore}
 *       (Spring Session 3.4+): one sorted set {@code <ns>:sessions:expirations}, score = expiry in ms. One ZCOUNT.
 *   <li>{@link #INDEXED_MINUTE}: {@code RedisIndexedSessionRepository} with its minute buckets
 *       {@code <ns>:expirations:<ms>}: one set per minute of expiry. SCARD over current and future buckets.
 *   <li>{@link #PLAIN}: {@code RedisSessionRepository} (the Boot 3 default): only one hash per session, so counting
 *       needs a SCAN.
 * </ul>
 */
public enum Layout {
    INDEXED_SORTED_SET,
    INDEXED_MINUTE,
    PLAIN;

    /** The {@code layout} label value of {@code tierlens_session_store_info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the layout keeps the principal index ({@code FindByIndexNameSessionRepository}). */
    public boolean indexed() {
        return this != PLAIN;
    }
}
