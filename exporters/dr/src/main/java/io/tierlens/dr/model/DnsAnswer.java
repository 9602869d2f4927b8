package io.tierlens.dr.model;

import java.util.List;

/**
 * The answer section of one DNS response, as our own resolver read it.
 *
 * @param rcode the response code (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, ...)
 * @param addresses A/AAAA addresses in the answer, in textual form
 * @param canonicalNames CNAME targets in the answer (lower case, no trailing dot), in chain order
 * @param truncated the server set TC: the answer did not fit in UDP and may be incomplete
 */
public record DnsAnswer(int rcode, List<String> addresses, List<String> canonicalNames, boolean truncated) {
    public static final int NOERROR = 0;
    public static final int NXDOMAIN = 3;

    public DnsAnswer {
        addresses = List.copyOf(addresses);
        canonicalNames = List.copyOf(canonicalNames);
    }

    /** True when the name resolved to something: NOERROR with at least one address or alias. */
    public boolean resolved() {
        return rcode == NOERROR && !(addresses.isEmpty() && canonicalNames.isEmpty());
    }
}
