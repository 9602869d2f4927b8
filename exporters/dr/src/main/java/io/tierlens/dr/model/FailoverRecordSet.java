package io.tierlens.dr.model;

import java.util.List;
import java.util.Optional;

/**
 * One record set of a Route53 failover pair.
 *
 * @param name the record name (lower case, no trailing dot)
 * @param type A, AAAA or CNAME
 * @param setIdentifier the set id, the {@code set_identifier} label
 * @param role PRIMARY or SECONDARY
 * @param healthCheckId its health check; a record set without one counts as healthy for Route53
 * @param values the IP addresses (A/AAAA) or target names (CNAME) of a plain record set
 * @param aliasTarget the DNS name of an alias target (an ALB, CloudFront, ...), lower case, no trailing dot
 */
public record FailoverRecordSet(
        String name,
        String type,
        String setIdentifier,
        FailoverRole role,
        Optional<String> healthCheckId,
        List<String> values,
        Optional<String> aliasTarget) {

    public FailoverRecordSet {
        values = List.copyOf(values);
    }

    /** Lower case without the trailing dot: how DNS names are compared. */
    public static String normalize(String dnsName) {
        String n = dnsName.strip().toLowerCase(java.util.Locale.ROOT);
        // Route53 escapes some characters as \\ddd (octal), e.g. "\\052" for a wildcard
        n = n.replace("\\052", "*");
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
