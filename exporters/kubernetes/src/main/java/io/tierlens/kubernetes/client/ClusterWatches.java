package io.tierlens.kubernetes.client;

import io.tierlens.core.exporter.ExporterEnvironment;
import java.time.Duration;

/** Hands out the one {@link ClusterWatch} per cluster that every exporter of an environment shares. */
public final class ClusterWatches {
    /** How long to wait for the initial lists before a refresh gives up (and the next one tries again). */
    public static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    /** A watch may be down this long (fabric8 reconnects on its own) before the exporter reports it. */
    public static final Duration WATCH_GRACE = Duration.ofSeconds(30);

    private ClusterWatches() {}

    public static ClusterWatch shared(ExporterEnvironment env, KubernetesConnection connection) {
        return env.clients()
                .get(
                        ClusterWatch.class,
                        connection.target(),
                        t -> new InformerClusterWatch(
                                new AutoConfiguredClientProvider(connection), env.clock(), SYNC_TIMEOUT, WATCH_GRACE));
    }
}
