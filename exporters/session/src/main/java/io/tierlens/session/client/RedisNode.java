package io.tierlens.session.client;

/** One Redis server; {@link #instance()} is the {@code instance} label. */
public record RedisNode(String host, int port) {

    public RedisNode {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host:port} (IPv6 hosts in brackets: {@code [::1]:6379}); the port defaults to 6379. */
    public static RedisNode parse(String address) {
        String a = address.trim();
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in address " + a);
            }
            String host = a.substring(1, close);
            String rest = a.substring(close + 1);
            return new RedisNode(host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : 6379);
        }
        int colon = a.lastIndexOf(':');
        if (colon < 0) {
            return new RedisNode(a, 6379);
        }
        return new RedisNode(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
    }

    public String instance() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return instance();
    }
}
