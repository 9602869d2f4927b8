package io.tierlens.app.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.app.scale.ShardIndex;
import io.tierlens.app.scale.WorkScope;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.HaConfig;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.kubernetes.client.AutoConfiguredClientProvider;
import io.tierlens.kubernetes.client.KubernetesConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How this process finds its place among its peers: its shard ({@link ShardIndex}), its identity (env
 * {@code POD_NAME}, else the host name) and, with {@code ha.enabled}, the Kubernetes API that holds the Lease.
 *
 * @param shardIndex {@code run --shard-index}, or null
 * @param leaseApi opens the client the election uses (closed with the election)
 * @param env environment lookup, {@code System::getenv} in production
 */
public record Coordination(Integer shardIndex, Supplier<KubernetesClient> leaseApi, Function<String, String> env) {
    static final Path NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    /** Production: the in-cluster service account (or kubeconfig), environment of the process. */
    public static Coordination live(Integer shardIndex) {
        return new Coordination(shardIndex, Coordination::inCluster, System::getenv);
    }

    /** This process's shard of the configuration, or the error naming how to give it one. */
    public WorkScope scope(LoadedConfig config) throws ConfigException {
        ShardIndex.Result r = ShardIndex.resolve(config.core().sharding(), shardIndex, env);
        if (r.error().isPresent()) {
            throw new ConfigException(config.source(), List.of(r.error().get()));
        }
        return new WorkScope(config.core().sharding().shards(), r.index().orElseThrow());
    }

    /** Always-leader without {@code ha.enabled}; else an election on the shard's Lease. */
    public Leadership leadership(LoadedConfig config, WorkScope scope, LeaderMetrics metrics, Clock clock) {
        HaConfig ha = config.core().ha();
        if (!ha.enabled()) {
            return Leadership.always();
        }
        KubernetesClient client = leaseApi.get();
        String name = config.core().sharding().sharded() ? ha.leaseName() + "-shard-" + scope.index() : ha.leaseName();
        LeaseElection election = new LeaseElection(client, ha, namespace(ha, client), name, identity(), metrics, clock);
        return new Leadership() {
            @Override
            public void start(Listener listener) {
                election.start(listener);
            }

            @Override
            public boolean leads() {
                return election.leads();
            }

            @Override
            public void close() {
                election.close();
                client.close();
            }
        };
    }

    /** env POD_NAME, else HOSTNAME, else the host's name. */
    String identity() {
        for (String v : new String[] {"POD_NAME", "HOSTNAME"}) {
            String value = env.apply(v);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell this replica's identity: set env POD_NAME", e);
        }
    }

    private String namespace(HaConfig ha, KubernetesClient client) {
        if (!ha.leaseNamespace().isEmpty()) {
            return ha.leaseNamespace();
        }
        String pod = env.apply("POD_NAMESPACE");
        if (pod != null && !pod.isBlank()) {
            return pod.trim();
        }
        try {
            if (Files.isReadable(NAMESPACE_FILE)) {
                return Files.readString(NAMESPACE_FILE).trim();
            }
        } catch (IOException e) {
            // fall through to the client's own namespace
        }
        return client.getNamespace() == null ? "default" : client.getNamespace();
    }

    /**
     * The election's client: requests time out well inside the renew deadline, so one hung renewal cannot use it up,
     * and are not retried by fabric8 (the election retries every retry_period itself).
     */
    private static KubernetesClient inCluster() {
        return new AutoConfiguredClientProvider(
                        new KubernetesConnection("", ""), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .connect();
    }
}
