package io.tierlens.dr.client;

import io.tierlens.dr.SiteConfig;
import io.tierlens.dr.model.DrillResult;
import java.time.Instant;
import java.util.Optional;

/**
 * What is known, at one refresh, about the copies a site could recover from and the drills that proved it.
 * Pluggable: the Pushgateway (run-job results) is one source; the backup exporter's recovery points can be
 * another.
 */
public interface RecoveryEvidence {

    /** When the data of the newest copy usable by {@code site} was taken. */
    Optional<Instant> newestCopy(SiteConfig site);

    /** The last successful failover drill onto {@code site}. */
    Optional<DrillResult> lastDrill(SiteConfig site);

    RecoveryEvidence NONE = new RecoveryEvidence() {
        @Override
        public Optional<Instant> newestCopy(SiteConfig site) {
            return Optional.empty();
        }

        @Override
        public Optional<DrillResult> lastDrill(SiteConfig site) {
            return Optional.empty();
        }
    };
}
