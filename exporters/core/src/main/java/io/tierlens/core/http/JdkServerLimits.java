package io.tierlens.core.http;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-client limits of the JDK HTTP server. They are {@code sun.net.httpserver.*} system properties, read once
 * per JVM when the first server starts, so they are set here just before that; a value given with {@code -D} wins.
 *
 * <ul>
 *   <li>{@code maxReqTime}: a client that has not sent its request headers within the read timeout is cut off
 *       (a slow-header client, "slowloris", otherwise holds a thread for ever);
 *   <li>{@code maxRspTime}: the handler plus the write of the response must end within the write timeout (a client
 *       that reads slowly, or sends a slow body);
 *   <li>{@code maxConnections}: further connections are closed at accept, so threads and sockets stay bounded;
 *   <li>{@code idleInterval}: idle keep-alive connections are closed after 30 s.
 * </ul>
 */
final class JdkServerLimits {
    private static final Logger log = LoggerFactory.getLogger(JdkServerLimits.class);

    private JdkServerLimits() {}

    static synchronized void apply(int maxConnections, Duration readTimeout, Duration writeTimeout) {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, a small response then
        // waits for the client's delayed ACK (~40 ms).
        set("sun.net.httpserver.nodelay", "true");
        set("sun.net.httpserver.maxReqTime", Long.toString(readTimeout.toSeconds()));
        set("sun.net.httpserver.maxRspTime", Long.toString(writeTimeout.toSeconds()));
        set("sun.net.httpserver.maxConnections", Integer.toString(maxConnections));
        set("sun.net.httpserver.idleInterval", "30");
    }

    private static void set(String key, String value) {
        String given = System.getProperty(key);
        if (given == null) {
            System.setProperty(key, value);
        } else if (!given.equals(value)) {
            log.debug("{}={} kept (given on the command line or by an earlier server in this JVM)", key, given);
        }
    }
}
