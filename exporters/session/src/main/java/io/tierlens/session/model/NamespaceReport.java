package io.tierlens.session.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything measured about one Spring Session namespace; the collector turns it into metrics.
 *
 * @param active sessions that have not expired; empty until a plain-layout SCAN completed a first pass
 * @param activeAsOf when {@code active} was measured (the end of the SCAN pass for the plain layout)
 * @param principals distinct principals in the principal index; empty where the index does not exist
 * @param expiryBacklog sessions past their expiry by more than a minute that Spring Session has not cleaned up
 * @param scan the SCAN of this cycle, for layouts that need one
 * @param keys entries found under the namespace: members of its expiry index (indexed layouts) or session hashes of
 *     the last complete SCAN pass (plain); 0 means nothing of this namespace is in Redis (a typo, usually); empty
 *     until a plain-layout pass completed
 */
public record NamespaceReport(
        String namespace,
        Layout layout,
        OptionalLong active,
        Instant activeAsOf,
        OptionalLong principals,
        OptionalLong expiryBacklog,
        Optional<ScanStatus> scan,
        SessionSample sample,
        OptionalLong keys) {}
