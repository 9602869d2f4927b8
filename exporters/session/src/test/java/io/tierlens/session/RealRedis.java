package io.tierlens.session;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.collector.SessionCollectorTestAccess;
import io.tierlens.session.testing.DemoRedisServer;
import io.tierlens.session.testing.SpringSessionWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Helpers for tests against a real redis-server. */
final class RealRedis {
    private RealRedis() {}

    static RedisClient client(DemoRedisServer server) {
        return client(server, null);
    }

    static RedisClient client(DemoRedisServer server, String password) {
        DefaultJedisClientConfig.Builder c = DefaultJedisClientConfig.builder();
        if (password != null) {
            c.password(password);
        }
        return RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", server.port()))
                .clientConfig(c.build())
                .build();
    }

    /** An exporter with the real Jedis store, no pauses, everything else default unless changed. */
    static SessionExporter exporter(SessionConfig config) {
        return new SessionExporter(
                config,
                Clock.systemUTC(),
                io.tierlens.session.client.SessionStoreFactory.JEDIS,
                io.tierlens.session.discovery.Pacer.NONE,
                RandomGenerator.getDefault());
    }

    static SessionConfig config(String address) {
        return SessionConfig.defaults().withRedis(RedisConfig.standalone(address));
    }

    static String text(RefreshResult r) throws Exception {
        return SessionCollectorTestAccess.render(r.data());
    }

    /** A session that logged in {@code age} ago and made its last request {@code idle} ago. */
    static SpringSessionWriter.Session session(Duration age, Duration idle, Duration timeout, String principal) {
        Instant now = Instant.now();
        return new SpringSessionWriter.Session(
                UUID.randomUUID().toString(), now.minus(age), now.minus(idle), timeout, Optional.ofNullable(principal));
    }

    /** Writes {@code n} plain sessions in one pipeline (fast enough for thousands). */
    static void loadPlain(UnifiedJedis redis, String namespace, int n) {
        SpringSessionWriter w = new SpringSessionWriter(redis, namespace, SpringSessionWriter.Store.PLAIN);
        try (AbstractPipeline p = redis.pipelined()) {
            for (int i = 0; i < n; i++) {
                w.create(p, session(Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofMinutes(30), null));
            }
            p.sync();
        }
    }

    /** Unrelated keys the exporter must not count. */
    static void cacheKeys(UnifiedJedis redis, int n) {
        try (AbstractPipeline p = redis.pipelined()) {
            for (int i = 0; i < n; i++) {
                p.set("cache:item:" + i, "v" + i);
            }
            p.sync();
        }
    }
}
