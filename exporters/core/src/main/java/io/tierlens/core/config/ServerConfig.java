package io.tierlens.core.config;

/**
 * {@code server:} — where {@code /metrics} listens.
 *
 * @param host address to bind, default {@code 0.0.0.0}
 * @param port default 9469
 * @param threads HTTP worker threads, default 4
 */
public record ServerConfig(String host, Integer port, Integer threads) implements ConfigChecked {
    public static final int DEFAULT_PORT = 9469;

    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? DEFAULT_PORT : port;
        threads = threads == null ? 4 : threads;
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
    }
}
