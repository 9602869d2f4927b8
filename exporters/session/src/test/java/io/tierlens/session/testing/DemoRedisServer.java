package io.tierlens.session.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real, throw-away redis-server on 127.0.0.1 without persistence: the binary shipped in embedded-redis, or
 * {@code redis-server} from the PATH where that binary cannot run (another CPU, missing libraries).
 */
public final class DemoRedisServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoRedisServer.class);

    private final int port;
    private final List<String> settings;
    private RedisServer server;

    private DemoRedisServer(int port, List<String> settings) {
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    /** Starts a server on a free port; {@code settings} are extra redis.conf lines (e.g. {@code requirepass x}). */
    public static DemoRedisServer start(String... settings) {
        DemoRedisServer s = new DemoRedisServer(freePort(), List.of(settings));
        s.startServer();
        return s;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops the server and starts a new, empty one on the same port (a new {@code run_id}). */
    public synchronized void restart() {
        stopServer();
        startServer();
    }

    public synchronized void stopServer() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                log.warn("redis-server on port {} did not stop cleanly: {}", port, e.toString());
            }
            server = null;
            awaitPortClosed();
        }
    }

    public synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            server = build(ExecutableProvider.newJarResourceProvider());
            server.start();
        } catch (IOException | RuntimeException embedded) {
            log.info("embedded redis-server could not start ({}); trying redis-server from PATH", embedded.toString());
            try {
                server = build(ExecutableProvider.newExecutableInPath("redis-server"));
                server.start();
            } catch (IOException | RuntimeException path) {
                server = null;
                path.addSuppressed(embedded);
                throw new IllegalStateException("no redis-server could be started on port " + port, path);
            }
        }
    }

    private RedisServer build(ExecutableProvider provider) throws IOException {
        List<String> all = new ArrayList<>(List.of("bind 127.0.0.1", "save \"\"", "appendonly no"));
        all.addAll(settings);
        RedisServerBuilder b = RedisServer.newRedisServer()
                .executableProvider(provider)
                .port(port)
                .onShutdownForceStop(true);
        all.forEach(b::setting);
        return b.build();
    }

    @Override
    public void close() {
        stopServer();
    }

    /** A restart on the same port, or a test that checks the server is gone, must not race its shutdown. */
    @SuppressWarnings("try") // the connection attempt is the probe
    private void awaitPortClosed() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("redis-server on port {} still accepts connections after stop", port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the demo redis-server", e);
        }
    }
}
