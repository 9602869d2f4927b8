package io.tierlens.app.scale;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.session.SessionConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The share of the work one shard does. Account × region targets are spread by {@link ShardAssignment} (the
 * {@code alb}, {@code rds} and {@code backup} exporters each see only their shard's targets); the session exporter's
 * Redis goes to the shard its address hashes to; exporters whose question is about the whole cluster or application
 * ({@code karpenter}, {@code cost}, {@code batch}, and {@code dr}: one DR site, one failover record) run on shard 0
 * with every target, so their series exist once.
 *
 * @param shards how many shards there are
 * @param index this process's shard
 */
public record WorkScope(int shards, int index) {
    /** Exporters that run once, on shard 0. */
    public static final Set<String> SHARD_ZERO = Set.of("karpenter", "cost", "batch", "dr");

    public WorkScope {
        if (shards < 1 || index < 0 || index >= shards) {
            throw new IllegalArgumentException("shard " + index + " of " + shards);
        }
    }

    public static WorkScope single() {
        return new WorkScope(1, 0);
    }

    /** The key that places an exporter's whole work on one shard, if it is placed as one piece. */
    public static Optional<String> placementKey(String exporter, ExporterSettings settings) {
        if (settings instanceof SessionConfig s) {
            return Optional.of(ShardAssignment.redisKey(s.redis().address()));
        }
        return Optional.empty();
    }

    /** The shard that runs {@code exporter}, or empty if it runs on every shard (one share of targets each). */
    public Optional<Integer> ownerOf(String exporter, ExporterSettings settings) {
        if (SHARD_ZERO.contains(exporter)) {
            return Optional.of(0);
        }
        return placementKey(exporter, settings).map(k -> ShardAssignment.shardOf(k, shards));
    }

    /** Whether this shard runs {@code exporter} at all. */
    public boolean runs(String exporter, ExporterSettings settings) {
        return ownerOf(exporter, settings).map(o -> o == index).orElse(true);
    }

    /** The environment {@code exporter} gets here: every target for a placed exporter, else this shard's share. */
    public ExporterEnvironment environmentFor(String exporter, ExporterSettings settings, ExporterEnvironment full) {
        if (shards == 1 || ownerOf(exporter, settings).isPresent()) {
            return full;
        }
        // the same inventory board: cost (placed on shard 0) prices what this shard's alb and rds discover
        return new ExporterEnvironment(
                full.clock(),
                targetsOf(full.targets()),
                full.clients(),
                full.cloudWatch(),
                full.self(),
                full.inventory());
    }

    /** The targets of {@code all} this shard watches, in their configured order. */
    public List<AwsTarget> targetsOf(List<AwsTarget> all) {
        return all.stream()
                .filter(t -> ShardAssignment.shardOf(ShardAssignment.awsKey(t), shards) == index)
                .toList();
    }

    /** {@code "0"}, the {@code shard} label of the leader metrics. */
    public String label() {
        return String.valueOf(index);
    }
}
