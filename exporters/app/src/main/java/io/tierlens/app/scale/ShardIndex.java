package io.tierlens.app.scale;

import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ShardingConfig;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process's shard: {@code run --shard-index}, else {@code sharding.index}, else the StatefulSet ordinal (the
 * trailing {@code -<n>} of env {@code POD_NAME}, else {@code HOSTNAME}) modulo {@code shards}. With a StatefulSet of
 * shards × 2 replicas, pods n and n + shards share a shard and form its HA pair.
 */
public final class ShardIndex {
    private static final Pattern ORDINAL = Pattern.compile("-(\\d{1,9})$");

    private ShardIndex() {}

    /** The index, or the error that says how to give one. */
    public static Result resolve(ShardingConfig sharding, Integer override, Function<String, String> env) {
        int shards = sharding.shards();
        if (override != null) {
            return override >= 0 && override < shards
                    ? Result.ok(override)
                    : Result.error(new ConfigError(
                            "--shard-index",
                            override + " is out of range for sharding.shards " + shards,
                            "use 0 to " + (shards - 1)));
        }
        if (sharding.index() != null) {
            return Result.ok(sharding.index());
        }
        if (shards == 1) {
            return Result.ok(0);
        }
        for (String variable : new String[] {"POD_NAME", "HOSTNAME"}) {
            Optional<Integer> ordinal = ordinal(env.apply(variable));
            if (ordinal.isPresent()) {
                return Result.ok(ordinal.get() % shards);
            }
        }
        return Result.error(new ConfigError(
                "sharding.index",
                "cannot tell this process's shard: neither POD_NAME nor HOSTNAME ends in -<ordinal>",
                "run it as a StatefulSet (the chart's mode: sharded), set sharding.index or pass --shard-index"));
    }

    static Optional<Integer> ordinal(String podName) {
        if (podName == null) {
            return Optional.empty();
        }
        Matcher m = ORDINAL.matcher(podName.trim());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** An index or an error. */
    public record Result(Optional<Integer> index, Optional<ConfigError> error) {
        static Result ok(int index) {
            return new Result(Optional.of(index), Optional.empty());
        }

        static Result error(ConfigError error) {
            return new Result(Optional.empty(), Optional.of(error));
        }
    }
}
