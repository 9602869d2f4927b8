package io.tierlens.dr.model;

import java.util.List;
import java.util.Optional;

/**
 * Which site serves a failover record now.
 *
 * @param site the serving site: the one our own DNS answer points at, else the one Route53's health state
 *     implies; empty when the record has no failover sets
 * @param sites every site of the record (for the 0-valued series)
 * @param dnsResolved our DNS query for the record got an answer with addresses or aliases
 * @param confirmed the DNS answer points at the site the health state implies
 */
public record ActiveSite(
        String record, Optional<String> site, List<String> sites, boolean dnsResolved, boolean confirmed) {
    public ActiveSite {
        sites = List.copyOf(sites);
    }
}
