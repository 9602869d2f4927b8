package io.tierlens.rds.discovery;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.discovery.NameTagFilter;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.SafeErrorText;
import io.tierlens.core.poll.Discovery;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.PendingMaintenance;
import io.tierlens.rds.model.RdsInventory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists what the RDS exporter watches in one (account, region): DB instances and clusters that pass the filters,
 * their pending maintenance, and the {@code max_connections} their parameter groups imply. Only Describe calls.
 *
 * <p>Instances and clusters are required: if they cannot be described the discovery fails and the caller keeps
 * its previous inventory. Pending maintenance and parameter groups are optional: a failure there is reported as
 * a partial failure and only their series are missing.
 */
public final class RdsDiscovery implements Discovery<RdsInventory> {
    /** Engines DescribeDBInstances also returns whose metrics are not in AWS/RDS. */
    static final Set<String> OTHER_SERVICES = Set.of("docdb", "neptune");

    private final AwsTarget target;
    private final RdsApi api;
    private final NameTagFilter filter;
    private final MaxConnectionsResolver maxConnections;
    private final Clock clock;

    public RdsDiscovery(RdsConfig config, AwsTarget target, RdsApi api, Clock clock, InstanceClassMemory memory) {
        this.target = target;
        this.api = api;
        this.filter = new NameTagFilter(config.names(), config.tags());
        this.maxConnections = new MaxConnectionsResolver(memory, config.maxConnections());
        this.clock = clock;
    }

    /**
     * One full discovery: the inventory and what went wrong in its optional parts. SDK exceptions of the required
     * calls propagate.
     */
    @Override
    public Discovered<RdsInventory> discover() {
        List<PartialFailure> failures = new ArrayList<>();
        List<DbInstance> instances = new ArrayList<>();
        for (DbInstance i : api.describeDbInstances()) {
            if (!OTHER_SERVICES.contains(i.engine()) && filter.matches(i.identifier(), i.tags())) {
                instances.add(i);
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        instances.forEach(i -> kept.add(i.identifier()));
        List<DbCluster> clusters = new ArrayList<>();
        for (DbCluster c : api.describeDbClusters()) {
            boolean hasKeptMember = c.members().stream().anyMatch(m -> kept.contains(m.instanceIdentifier()));
            if (!OTHER_SERVICES.contains(c.engine()) && (hasKeptMember || filter.matches(c.identifier(), c.tags()))) {
                clusters.add(c);
            }
        }
        Map<String, List<PendingMaintenance>> pending = pendingByInstance(instances, clusters, failures);
        Map<String, MaxConnections> limits = limits(instances, failures);
        return new Discovered<>(new RdsInventory(instances, clusters, pending, limits, clock.instant()), failures);
    }

    private Map<String, List<PendingMaintenance>> pendingByInstance(
            List<DbInstance> instances, List<DbCluster> clusters, List<PartialFailure> failures) {
        List<PendingMaintenance> actions;
        try {
            actions = api.describePendingMaintenanceActions();
        } catch (RuntimeException e) {
            failures.add(failure(
                    e, "DescribePendingMaintenanceActions failed for " + target + "; pending maintenance is left out"));
            return Map.of();
        }
        Map<String, List<String>> membersByArn = new HashMap<>();
        for (DbInstance i : instances) {
            membersByArn.put(i.arn(), List.of(i.identifier()));
        }
        for (DbCluster c : clusters) {
            // A cluster action (e.g. a cluster engine upgrade) restarts every member: list it under each.
            membersByArn.put(
                    c.arn(),
                    c.members().stream()
                            .map(DbCluster.Member::instanceIdentifier)
                            .toList());
        }
        Set<String> kept = new LinkedHashSet<>();
        instances.forEach(i -> kept.add(i.identifier()));
        Map<String, List<PendingMaintenance>> out = new LinkedHashMap<>();
        for (PendingMaintenance a : actions) {
            for (String id : membersByArn.getOrDefault(a.resourceArn(), List.of())) {
                if (kept.contains(id)) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
                }
            }
        }
        return out;
    }

    /** One DescribeDBParameters (user-set values only) per custom parameter group in use. */
    private Map<String, MaxConnections> limits(List<DbInstance> instances, List<PartialFailure> failures) {
        Map<String, Optional<Map<String, String>>> groups = new HashMap<>();
        Map<String, MaxConnections> out = new LinkedHashMap<>();
        for (DbInstance i : instances) {
            Optional<Map<String, String>> params = i.parameterGroup()
                    .filter(MaxConnectionsResolver::customGroup)
                    .map(g -> groups.computeIfAbsent(g, k -> userParameters(k, failures)))
                    .orElse(Optional.of(Map.of()));
            maxConnections.resolve(i, params).ifPresent(m -> out.put(i.identifier(), m));
        }
        return out;
    }

    private Optional<Map<String, String>> userParameters(String group, List<PartialFailure> failures) {
        try {
            return Optional.of(api.userParameters(group));
        } catch (RuntimeException e) {
            failures.add(failure(
                    e,
                    "DescribeDBParameters failed for a parameter group in " + target
                            + "; max_connections of its instances is left out"));
            return Optional.empty();
        }
    }

    private static PartialFailure failure(RuntimeException e, String message) {
        // The error code, never AWS's message: it names principals and carries request ids.
        return new PartialFailure(FailureReason.of(e), message + ": " + SafeErrorText.describe(e));
    }
}
