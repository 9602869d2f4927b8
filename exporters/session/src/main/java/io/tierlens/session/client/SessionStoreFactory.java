package io.tierlens.session.client;

import io.tierlens.session.RedisConfig;

/**
 * Opens a {@link SessionStore} for a Redis config. Production opens {@link JedisSessionStore}s; the demo answers
 * with Jedis stores pointed at its embedded Redis, so the exporter runs the same code against a real server.
 */
@FunctionalInterface
public interface SessionStoreFactory {
    SessionStoreFactory JEDIS = JedisSessionStore::open;

    SessionStore open(RedisConfig config);
}
