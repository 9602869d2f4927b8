package io.tierlens.demo.session;

import io.tierlens.session.testing.SpringSessionWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Spring Session key layout the demo's simulator writes ({@code tierlens-demo demo --session-layout}): a
 * demo-only choice, so it is an option of the demo command and not part of the exporter's configuration.
 */
public enum SessionLayout {
    /** {@code RedisIndexedSessionRepository} with the minute-bucket expiration store (the demo's default). */
    INDEXED(SpringSessionWriter.Store.INDEXED_MINUTE),
    /** {@code RedisIndexedSessionRepository} with the sorted-set expiration store. */
    INDEXED_ZSET(SpringSessionWriter.Store.INDEXED_SORTED_SET),
    /** {@code RedisSessionRepository}, the Spring Boot 3 default: no index, no expiration store. */
    PLAIN(SpringSessionWriter.Store.PLAIN);

    private final SpringSessionWriter.Store store;

    SessionLayout(SpringSessionWriter.Store store) {
        this.store = store;
    }

    SpringSessionWriter.Store store() {
        return store;
    }

    /** The option's spelling: {@code indexed}, {@code indexed-zset}, {@code plain}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the option's spelling (case and {@code -}/{@code _} do not matter); empty if unknown. */
    public static Optional<SessionLayout> parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(l -> l.name().equals(normalized)).findFirst();
    }
}
