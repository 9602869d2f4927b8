package io.tierlens.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} on a free local port, for tests that make Redis go away (stop it) or refuse us (a
 * password): no persistence, stopped and waited for on {@link #close()}. Independent of any exporter's classes.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private Process process;

    private RedisServerProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** @param extraArgs e.g. {@code "--requirepass", "pw"} */
    public static RedisServerProcess start(String... extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        RedisServerProcess server = new RedisServerProcess(port, p);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!reachable(port)) {
            if (Instant.now().isAfter(deadline) || !p.isAlive()) {
                server.close();
                throw new IOException("redis-server did not start on port " + port);
            }
            Thread.sleep(20);
        }
        return server;
    }

    /** A port nobody listens on (for "Redis down from the start"). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, the exporter's target key for it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops the server (an outage); the port stays free. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            // stopping anyway: the process is destroyed, only the wait was cut short
            Thread.currentThread().interrupt();
        }
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
