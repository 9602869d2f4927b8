package io.tierlens.demo.session;

import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.fault.DemoFaults;
import io.tierlens.session.RedisConfig;
import io.tierlens.session.SessionConfig;
import io.tierlens.session.client.JedisSessionStore;
import io.tierlens.session.client.SessionStoreFactory;
import io.tierlens.session.testing.DemoRedisServer;
import io.tierlens.session.testing.SpringSessionWriter;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The session part of {@code tierlens demo}: a real redis-server on a free port, a {@link SessionSimulator}
 * writing Spring Session keys into it once a second, and a {@link SessionStoreFactory} that points the exporter's
 * Jedis client at it. Everything from Jedis upwards is the production code.
 *
 * <p>{@link #install} starts the server and the simulator (once); {@link #close} stops both. A JVM shutdown hook
 * also stops the server, so an app that forgets to close does not leave a redis-server behind.
 */
public final class SessionDemoSimulation implements DemoSimulation, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionDemoSimulation.class);

    private final SessionConfig config;
    private final SessionLayout layout;
    private final Scenario scenario;
    private DemoRedisServer server;
    private RedisClient writerClient;
    private ScheduledExecutorService ticker;
    private SessionSimulator simulator;
    private volatile boolean redisDown;

    public SessionDemoSimulation(SessionConfig config, SessionLayout layout, Scenario scenario) {
        this.config = config;
        this.layout = layout;
        this.scenario = scenario;
    }

    @Override
    public synchronized void install(DemoApiClients clients) {
        start();
        int port = server.port();
        clients.faults().onChange(DemoFaults.Source.REDIS, this::takenAway);
        clients.register(
                SessionStoreFactory.class,
                target -> redis -> JedisSessionStore.open(demoConnection(redis, port), name -> null));
    }

    /** Starts the server and the simulator if they are not running; returns the server's address. */
    public synchronized String start() {
        if (server == null) {
            server = DemoRedisServer.start();
            writerClient = RedisClient.builder()
                    .hostAndPort(new HostAndPort("127.0.0.1", server.port()))
                    .build();
            SpringSessionWriter writer =
                    new SpringSessionWriter(writerClient, config.namespaces().get(0), layout.store());
            simulator = new SessionSimulator(writer, scenario, Clock.systemUTC(), 300 * scenario.scale(), 42);
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tierlens-demo-sessions");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "tierlens-demo-redis-stop"));
            log.info(
                    "demo redis-server on {} with {} sessions simulated in the {} layout",
                    server.address(),
                    config.namespaces().get(0),
                    layout.option());
        }
        return server.address();
    }

    /**
     * Stops the redis-server ({@code true}) or starts it again on the same port, empty ({@code false}): the exporter
     * sees a real outage and a real recovery, as after a Redis restart without persistence.
     */
    synchronized void takenAway(boolean down) {
        if (server == null) {
            return;
        }
        if (down) {
            redisDown = true;
            server.stopServer();
            log.info("demo redis-server on {} stopped (fault file)", server.address());
        } else {
            server.startServer();
            redisDown = false;
            log.info("demo redis-server on {} started again (fault file)", server.address());
        }
    }

    /** Users currently logged in according to the simulator (for tests). */
    public synchronized int loggedIn() {
        return simulator == null ? 0 : simulator.loggedIn();
    }

    private void tick() {
        if (redisDown) {
            // taken away on purpose: a failed write a second would only fill the log
            return;
        }
        try {
            simulator.tick();
        } catch (RuntimeException e) {
            // a failed tick must not end the schedule; the next one retries
            log.warn("demo session simulator tick failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
        if (writerClient != null) {
            writerClient.close();
            writerClient = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The exporter's own Redis settings (timeouts, scan pacing) but aimed at the demo server, no password. */
    static RedisConfig demoConnection(RedisConfig configured, int port) {
        return new RedisConfig(
                "127.0.0.1:" + port,
                RedisConfig.Mode.STANDALONE,
                false,
                null,
                null,
                null,
                0,
                RedisConfig.ReadFrom.PRIMARY,
                null,
                configured.connectTimeout(),
                configured.commandTimeout());
    }
}
