package io.tierlens.dr.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where our DNS queries go: an IP literal with an optional port. Names are refused on purpose: resolving the
 * resolver would need the very DNS we are about to ask.
 */
public final class ResolverAddress {
    private static final int DNS_PORT = 53;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d{1,5}))?");
    private static final String IPV6 = "[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?:%[\\w.-]+)?";
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[(" + IPV6 + ")](?::(\\d{1,5}))?");
    private static final Pattern IPV6_BARE = Pattern.compile(IPV6);

    private ResolverAddress() {}

    /** Parses {@code 10.0.0.2}, {@code 10.0.0.2:5353}, {@code fd00::2} or {@code [fd00::2]:53}. */
    public static Optional<InetSocketAddress> parse(String text) {
        String s = text.strip();
        Matcher m4 = IPV4.matcher(s);
        if (m4.matches()) {
            for (String octet : m4.group(1).split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
            return literal(m4.group(1), m4.group(2));
        }
        Matcher m6 = IPV6_BRACKETED.matcher(s);
        if (m6.matches()) {
            return literal(m6.group(1), m6.group(2));
        }
        if (IPV6_BARE.matcher(s).matches()) {
            return literal(s, null);
        }
        return Optional.empty();
    }

    /**
     * The first {@code nameserver} of a resolv.conf file (in a pod: the cluster DNS, which forwards external names).
     */
    public static Optional<InetSocketAddress> fromResolvConf(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.startsWith("nameserver")) {
                String[] parts = l.split("\\s+");
                if (parts.length >= 2) {
                    Optional<InetSocketAddress> a = parse(parts[1]);
                    if (a.isPresent()) {
                        return a;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<InetSocketAddress> literal(String ip, String port) {
        int p = port == null ? DNS_PORT : Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            return Optional.empty();
        }
        try {
            // an IP literal (checked above): getByName only parses it, no lookup happens
            return Optional.of(new InetSocketAddress(InetAddress.getByName(ip), p));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
