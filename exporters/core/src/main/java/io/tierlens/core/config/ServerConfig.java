package io.tierlens.core.config;

import java.time.Duration;

/**
 * {@code server:} — where {@code /metrics} listens and how it defends itself.
 *
 * @param host address to bind, default {@code 0.0.0.0}
 * @param port default 9469
 * @param threads scrapes rendered at the same time, default 4 (writing the pre-rendered bytes needs no slot, and
 *     health checks never wait for one)
 * @param maxConnections open connections at most, default 512; more are closed at once
 * @param readTimeout time a client has to send its request headers, default 10s
 * @param writeTimeout time from the end of the headers to the last byte of the response, default 60s
 * @param webConfigFile exporter-toolkit web configuration file (TLS, basic auth, headers); {@code --web-config-file}
 *     overrides it
 * @param enableReload serve {@code POST /-/reload}, default false (as Prometheus' {@code --web.enable-lifecycle})
 * @param reloadMinInterval a reload sooner than this after the previous one is refused with 429, default 10s
 */
public record ServerConfig(
        String host,
        Integer port,
        Integer threads,
        Integer maxConnections,
        Duration readTimeout,
        Duration writeTimeout,
        String webConfigFile,
        Boolean enableReload,
        Duration reloadMinInterval)
        implements ConfigChecked {
    public static final int DEFAULT_PORT = 9469;

    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? DEFAULT_PORT : port;
        threads = threads == null ? 4 : threads;
        maxConnections = maxConnections == null ? 512 : maxConnections;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(60) : writeTimeout;
        enableReload = enableReload != null && enableReload;
        reloadMinInterval = reloadMinInterval == null ? Duration.ofSeconds(10) : reloadMinInterval;
    }

    /** All defaults: what a file without {@code server:} gets. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!HostNames.isValid(host)) {
            problems.add(
                    ConfigProblems.join(path, "host"),
                    "\"" + host + "\" is not an IP address or host name",
                    "use 0.0.0.0 (every IPv4 interface), :: (every interface), 127.0.0.1 or a host name");
        }
        if (port < 0 || port > 65535) {
            problems.add(
                    ConfigProblems.join(path, "port"),
                    "port " + port + " is out of range",
                    "use 1-65535 (0 picks a free port)");
        }
        if (threads < 1 || threads > 64) {
            problems.add(
                    ConfigProblems.join(path, "threads"),
                    "threads must be between 1 and 64",
                    "the default of 4 serves hundreds of scrapes per second");
        }
        if (maxConnections < 8 || maxConnections > 10_000) {
            problems.add(
                    ConfigProblems.join(path, "max_connections"),
                    "must be between 8 and 10000",
                    "the default of 512 leaves room for many scrapers and probes");
        }
        // The JDK server counts these timeouts in whole seconds.
        if (readTimeout.toSeconds() < 1) {
            problems.add(ConfigProblems.join(path, "read_timeout"), "must be at least 1s", "the default is 10s");
        }
        if (writeTimeout.toSeconds() < 1) {
            problems.add(ConfigProblems.join(path, "write_timeout"), "must be at least 1s", "the default is 60s");
        }
    }
}
