package io.tierlens.session.discovery;

import io.tierlens.session.client.RedisAccessException;
import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.SessionStore;
import io.tierlens.session.model.RedisHealth;
import io.tierlens.session.model.RedisInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads INFO from every health node; a node that fails is reported down and its failure kept. */
public final class RedisHealthReader {

    /** What one round of INFO found. */
    public record Result(
            List<RedisHealth> health,
            Map<RedisNode, String> runIds,
            List<RedisAccessException> failures,
            Map<String, String> downReasons) {

        /** @param downReasons instance of each node that did not answer → why, bounded */
        public Result {
            downReasons = Map.copyOf(downReasons);
        }

        /** Whether at least one node answered. */
        public boolean anyUp() {
            return health.stream().anyMatch(RedisHealth::up);
        }
    }

    private RedisHealthReader() {}

    public static Result read(SessionStore store, List<RedisNode> nodes) {
        List<RedisHealth> health = new ArrayList<>();
        Map<RedisNode, String> runIds = new LinkedHashMap<>();
        List<RedisAccessException> failures = new ArrayList<>();
        Map<String, String> downReasons = new LinkedHashMap<>();
        for (RedisNode node : nodes) {
            try {
                RedisInfo info = RedisInfo.parse(store.info(node));
                health.add(RedisHealth.fromInfo(node.instance(), info));
                info.runId().ifPresent(id -> runIds.put(node, id));
            } catch (RedisAccessException e) {
                health.add(RedisHealth.down(node.instance()));
                failures.add(e);
                downReasons.put(node.instance(), e.reason());
            }
        }
        return new Result(health, runIds, failures, downReasons);
    }
}
