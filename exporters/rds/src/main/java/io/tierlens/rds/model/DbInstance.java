package io.tierlens.rds.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DB instance as DescribeDBInstances describes it, reduced to what the RDS exporter reports.
 *
 * @param identifier the {@code db_instance} label and the CloudWatch {@code DBInstanceIdentifier} dimension
 * @param arn the instance ARN (pending maintenance actions refer to it)
 * @param engine e.g. {@code mysql}, {@code postgres}, {@code aurora-mysql}
 * @param status e.g. {@code available}, {@code creating}, {@code stopped}, {@code deleting}
 * @param storageType e.g. {@code gp3}, {@code gp2}, {@code io1}, {@code aurora}
 * @param allocatedStorageGib allocated storage in GiB (0 for Aurora, whose volume grows by itself)
 * @param maxAllocatedStorageGib the storage autoscaling limit, when autoscaling is on
 * @param clusterIdentifier the DB cluster the instance belongs to (Aurora, Multi-AZ DB cluster)
 * @param replicaSource the source instance when this is a read replica
 * @param readReplicas identifiers of this instance's read replicas
 * @param parameterGroup the DB parameter group name (the first one; RDS attaches exactly one)
 * @param certificateValidTill expiry of the server certificate RDS installed for the instance's CA
 * @param tags the instance's tags (DescribeDBInstances returns them; no extra call)
 * @param provisionedIops the {@code Iops} DescribeDBInstances reports (io1/io2, gp3), for the cost exporter
 */
public record DbInstance(
        String identifier,
        String arn,
        String engine,
        String engineVersion,
        String instanceClass,
        String status,
        boolean multiAz,
        String storageType,
        int allocatedStorageGib,
        Optional<Integer> maxAllocatedStorageGib,
        Optional<String> clusterIdentifier,
        Optional<String> replicaSource,
        List<String> readReplicas,
        Optional<String> parameterGroup,
        Optional<Instant> certificateValidTill,
        Map<String, String> tags,
        Optional<Integer> provisionedIops) {

    public DbInstance {
        readReplicas = List.copyOf(readReplicas);
        tags = Map.copyOf(tags);
    }

    /** The CloudWatch dimensions of the instance's AWS/RDS metrics. */
    public Map<String, String> dimensions() {
        return Map.of("DBInstanceIdentifier", identifier);
    }
}
