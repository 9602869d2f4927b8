package io.tierlens.dr;

import io.tierlens.dr.model.ActiveSite;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts changes of the serving site per record across refreshes ({@code tierlens_dr_failovers_total}). The first
 * observation of a record is not a change; a refresh where the site is unknown keeps the last one.
 */
final class FailoverCounter {
    private static final Logger log = LoggerFactory.getLogger(FailoverCounter.class);

    private final Map<String, String> lastSite = new HashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** Records this refresh's sites and returns the count per record (every record seen so far). */
    synchronized Map<String, Long> observe(List<ActiveSite> sites) {
        for (ActiveSite a : sites) {
            counts.putIfAbsent(a.record(), 0L);
            a.site().ifPresent(site -> {
                String previous = lastSite.put(a.record(), site);
                if (previous != null && !previous.equals(site)) {
                    counts.merge(a.record(), 1L, Long::sum);
                    log.info("record {} now served by site {} (was {})", a.record(), site, previous);
                }
            });
        }
        return Map.copyOf(counts);
    }
}
