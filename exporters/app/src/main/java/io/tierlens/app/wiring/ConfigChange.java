package io.tierlens.app.wiring;

import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.config.ServerConfig;
import io.tierlens.core.config.TierlensConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reload changes, so that it restarts no more than it must: {@code server.*} cannot change without a restart
 * of the process (the socket is bound), everything else outside {@code exporters:} (regions, accounts, AWS and
 * CloudWatch settings, {@code max_series}) is shared by every exporter, and an exporter's own section concerns only
 * it. Sections are compared as their bound records, so a reformatted file changes nothing.
 */
final class ConfigChange {
    private ConfigChange() {}

    /** Why {@code next} cannot be applied without restarting the process, if it cannot. */
    static Optional<String> needsRestart(LoadedConfig running, LoadedConfig next) {
        if (!Objects.equals(running.core().ha(), next.core().ha())
                || !Objects.equals(running.core().sharding(), next.core().sharding())) {
            // The Lease and the shard are fixed when the process starts; a replica that changed them alone would
            // contend for another Lease or watch another share of targets than its peers think.
            return Optional.of("ha: or sharding: changed; they are fixed at start: restart tierlens (every replica)"
                    + " to apply them. The running configuration stays in force.");
        }
        ServerConfig was = running.core().server();
        ServerConfig now = next.core().server();
        if (Objects.equals(was, now)) {
            return Optional.empty();
        }
        return Optional.of("server: changed (" + describe(was) + " -> " + describe(now)
                + "); the listening socket cannot change in a reload: restart tierlens to apply it. The running"
                + " configuration stays in force.");
    }

    /** Whether the settings every exporter shares changed, so that every exporter must be rebuilt. */
    static boolean sharedChanged(LoadedConfig running, LoadedConfig next) {
        return !shared(running.core()).equals(shared(next.core()));
    }

    /** Whether {@code exporter}'s own section changed (or it was not running before). */
    static boolean sectionChanged(LoadedConfig running, LoadedConfig next, String exporter) {
        return !Objects.equals(
                running.exporters().get(exporter), next.exporters().get(exporter));
    }

    private static TierlensConfig shared(TierlensConfig c) {
        return new TierlensConfig(
                c.regions(), c.accounts(), null, c.aws(), c.cloudwatch(), c.maxSeries(), null, null, Map.of());
    }

    private static String describe(ServerConfig s) {
        return s == null ? "defaults" : "host " + s.host() + " port " + s.port() + " threads " + s.threads();
    }
}
