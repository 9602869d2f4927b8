package io.tierlens.session.client;

import java.util.List;

/**
 * The nodes one cycle talks to.
 *
 * @param healthNodes nodes whose INFO is reported (primary and configured replica; every node of a cluster)
 * @param scanNodes nodes a keyspace SCAN must visit to see every key once: the primary or its replica in
 *     standalone mode; every primary, or one replica per primary, in cluster mode
 */
public record RedisTopology(List<RedisNode> healthNodes, List<RedisNode> scanNodes) {

    public RedisTopology {
        healthNodes = List.copyOf(healthNodes);
        scanNodes = List.copyOf(scanNodes);
    }
}
