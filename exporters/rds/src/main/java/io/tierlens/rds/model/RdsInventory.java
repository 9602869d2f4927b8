package io.tierlens.rds.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery found in one (account, region): instances and clusters that passed the filters, their pending
 * maintenance and connection limits. Immutable; replaced as a whole by the next discovery.
 *
 * @param pendingMaintenance actions per DB instance identifier (cluster actions are listed under each member)
 * @param maxConnections per DB instance identifier, for instances where it could be derived
 */
public record RdsInventory(
        List<DbInstance> instances,
        List<DbCluster> clusters,
        Map<String, List<PendingMaintenance>> pendingMaintenance,
        Map<String, MaxConnections> maxConnections,
        Instant discoveredAt) {

    public static final String WRITER = "writer";
    public static final String READER = "reader";
    public static final String STANDALONE = "standalone";

    public RdsInventory {
        instances = List.copyOf(instances);
        clusters = List.copyOf(clusters);
        pendingMaintenance = Map.copyOf(pendingMaintenance);
        maxConnections = Map.copyOf(maxConnections);
    }

    public static RdsInventory empty(Instant at) {
        return new RdsInventory(List.of(), List.of(), Map.of(), Map.of(), at);
    }

    /**
     * The {@code role} label: cluster members are writer or reader as the cluster says; outside a cluster a read
     * replica is a reader, an instance with read replicas a writer, anything else standalone.
     */
    public String role(DbInstance instance) {
        if (instance.clusterIdentifier().isPresent()) {
            Optional<DbCluster.Member> member = cluster(
                            instance.clusterIdentifier().get())
                    .flatMap(c -> c.members().stream()
                            .filter(m -> m.instanceIdentifier().equals(instance.identifier()))
                            .findFirst());
            // A member the cluster does not list (a cluster filtered away, or one being created) has no known
            // role; "standalone" is the honest fallback, reader or writer would be guesses.
            return member.map(m -> m.writer() ? WRITER : READER).orElse(STANDALONE);
        }
        if (instance.replicaSource().isPresent()) {
            return READER;
        }
        return instance.readReplicas().isEmpty() ? STANDALONE : WRITER;
    }

    public Optional<DbCluster> cluster(String identifier) {
        return clusters.stream().filter(c -> c.identifier().equals(identifier)).findFirst();
    }

    /** Instances by identifier. */
    public Map<String, DbInstance> byIdentifier() {
        Map<String, DbInstance> out = new HashMap<>();
        instances.forEach(i -> out.put(i.identifier(), i));
        return out;
    }
}
