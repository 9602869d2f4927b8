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

    /**
     * Parses {@code host:port} (IPv6 hosts in brackets: {@code [::1]:6379}) or the URI forms
     * {@code redis://host:port} and {@code rediss://host:port} (a {@code /db} path is ignored here); the port
     * defaults to 6379. Messages never contain the address: a URI may carry a password.
     */
    public static RedisNode parse(String address) {
        String a = withoutScheme(address.trim());
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

    /** Whether the address is a {@code rediss://} URI, which means TLS. */
    public static boolean isTlsUri(String address) {
        return address.trim().regionMatches(true, 0, "rediss://", 0, 9);
    }

    /** Whether a URI address carries {@code user:password@}: refused, the password belongs in password_file. */
    public static boolean hasCredentials(String address) {
        return address.contains("://") && address.contains("@");
    }

    /** The database of a {@code redis://host:port/3} URI. */
    public static java.util.Optional<Integer> uriDatabase(String address) {
        String a = address.trim();
        int scheme = a.indexOf("://");
        int slash = scheme < 0 ? -1 : a.indexOf('/', scheme + 3);
        if (slash < 0 || !a.substring(slash + 1).matches("\\d{1,2}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Integer.parseInt(a.substring(slash + 1)));
    }

    private static String withoutScheme(String a) {
        int scheme = a.indexOf("://");
        if (scheme < 0) {
            return a;
        }
        String name = a.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
        if (!name.equals("redis") && !name.equals("rediss")) {
            throw new IllegalArgumentException("unsupported scheme " + name + "://");
        }
        String rest = a.substring(scheme + 3);
        if (rest.contains("@")) {
            throw new IllegalArgumentException("credentials in a Redis URI are not accepted");
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    public String instance() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return instance();
    }
}
