package io.tierlens.rds.model;

import java.util.List;
import java.util.Map;

/**
 * A DB cluster (Aurora or Multi-AZ DB cluster) and its members.
 *
 * @param identifier the {@code cluster} label
 * @param members the instances in the cluster; empty for a cluster without instances (reported, not an error)
 */
public record DbCluster(
        String identifier,
        String arn,
        String engine,
        String engineVersion,
        String status,
        List<Member> members,
        Map<String, String> tags) {

    public DbCluster {
        members = List.copyOf(members);
        tags = Map.copyOf(tags);
    }

    /** One instance of a cluster and whether it is the writer. */
    public record Member(String instanceIdentifier, boolean writer) {}
}
