package io.tierlens.core.config;

/**
 * {@code sharding:} — split the AWS targets and Redis instances over several processes (a StatefulSet), each of
 * which may be an HA pair. See docs/scaling.md for the assignment (jump consistent hash).
 *
 * @param shards number of shards, default 1 (no sharding)
 * @param index this process's shard; absent: {@code run --shard-index}, else the StatefulSet ordinal (trailing
 *     {@code -<n>} of env {@code POD_NAME}, else {@code HOSTNAME}) modulo {@code shards}
 */
public record ShardingConfig(Integer shards, Integer index) implements ConfigChecked {

    /** Far above any fleet we plan for (docs/scaling.md); a typo like 1000 is caught instead of run. */
    public static final int MAX_SHARDS = 256;

    public ShardingConfig {
        shards = shards == null ? 1 : shards;
    }

    public static ShardingConfig none() {
        return new ShardingConfig(null, null);
    }

    public boolean sharded() {
        return shards > 1;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (shards < 1 || shards > MAX_SHARDS) {
            problems.add(
                    ConfigProblems.join(path, "shards"),
                    "must be between 1 and " + MAX_SHARDS,
                    "1 runs everything in one process (the default)");
        } else if (index != null && (index < 0 || index >= shards)) {
            problems.add(
                    ConfigProblems.join(path, "index"),
                    "must be between 0 and shards - 1 (" + (shards - 1) + ")",
                    "leave it out to take the StatefulSet ordinal of the pod");
        }
    }
}
