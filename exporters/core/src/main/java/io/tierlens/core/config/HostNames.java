package io.tierlens.core.config;

import java.util.regex.Pattern;

/**
 * Whether a text is an IP address or a DNS host name, without asking DNS (check-config must not depend on the
 * network it runs in).
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private HostNames() {}

    /** An IPv4 or IPv6 literal, or an RFC 1123 host name (letters, digits, '-', labels separated by '.'). */
    public static boolean isValid(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.contains(":")) {
            return isIpv6(host);
        }
        var v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        String[] labels =
                host.endsWith(".") ? host.substring(0, host.length() - 1).split("\\.", -1) : host.split("\\.", -1);
        boolean allNumeric = true;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            allNumeric &= label.chars().allMatch(Character::isDigit);
        }
        // 300.1.1.1 is a mistyped address, not a host name.
        return !allNumeric;
    }

    private static boolean isIpv6(String host) {
        if (!IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal with ':' is parsed, never looked up.
            return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
