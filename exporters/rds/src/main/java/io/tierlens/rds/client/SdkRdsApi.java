package io.tierlens.rds.client;

import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBParameterGroupStatus;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribePendingMaintenanceActionsRequest;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.PendingMaintenanceAction;
import software.amazon.awssdk.services.rds.model.ResourcePendingMaintenanceActions;
import software.amazon.awssdk.services.rds.model.Tag;

/** {@link RdsApi} over the AWS SDK's RDS client. Pages are followed by the SDK's paginators ({@code Marker}). */
public final class SdkRdsApi implements RdsApi, AutoCloseable {
    /** The largest page the Describe calls allow: fewer calls, same data. */
    static final int PAGE_SIZE = 100;

    private final RdsClient client;

    public SdkRdsApi(RdsClient client) {
        this.client = client;
    }

    @Override
    public List<DbInstance> describeDbInstances() {
        List<DbInstance> out = new ArrayList<>();
        var pages = client.describeDBInstancesPaginator(
                DescribeDbInstancesRequest.builder().maxRecords(PAGE_SIZE).build());
        for (DBInstance i : pages.dbInstances()) {
            out.add(map(i));
        }
        return out;
    }

    static DbInstance map(DBInstance i) {
        Optional<String> group = i.dbParameterGroups().stream()
                .map(DBParameterGroupStatus::dbParameterGroupName)
                .filter(n -> n != null && !n.isEmpty())
                .findFirst();
        Optional<Instant> validTill =
                Optional.ofNullable(i.certificateDetails()).map(c -> c.validTill());
        return new DbInstance(
                i.dbInstanceIdentifier(),
                nullToEmpty(i.dbInstanceArn()),
                nullToEmpty(i.engine()),
                nullToEmpty(i.engineVersion()),
                nullToEmpty(i.dbInstanceClass()),
                nullToEmpty(i.dbInstanceStatus()),
                Boolean.TRUE.equals(i.multiAZ()),
                nullToEmpty(i.storageType()),
                i.allocatedStorage() == null ? 0 : i.allocatedStorage(),
                Optional.ofNullable(i.maxAllocatedStorage()),
                nonEmpty(i.dbClusterIdentifier()),
                nonEmpty(i.readReplicaSourceDBInstanceIdentifier()),
                i.readReplicaDBInstanceIdentifiers(),
                group,
                validTill,
                tags(i.tagList()),
                Optional.ofNullable(i.iops()));
    }

    @Override
    public List<DbCluster> describeDbClusters() {
        List<DbCluster> out = new ArrayList<>();
        var pages = client.describeDBClustersPaginator(
                DescribeDbClustersRequest.builder().maxRecords(PAGE_SIZE).build());
        for (DBCluster c : pages.dbClusters()) {
            List<DbCluster.Member> members = new ArrayList<>();
            for (DBClusterMember m : c.dbClusterMembers()) {
                members.add(new DbCluster.Member(m.dbInstanceIdentifier(), Boolean.TRUE.equals(m.isClusterWriter())));
            }
            out.add(new DbCluster(
                    c.dbClusterIdentifier(),
                    nullToEmpty(c.dbClusterArn()),
                    nullToEmpty(c.engine()),
                    nullToEmpty(c.engineVersion()),
                    nullToEmpty(c.status()),
                    members,
                    tags(c.tagList())));
        }
        return out;
    }

    @Override
    public List<PendingMaintenance> describePendingMaintenanceActions() {
        List<PendingMaintenance> out = new ArrayList<>();
        var pages = client.describePendingMaintenanceActionsPaginator(DescribePendingMaintenanceActionsRequest.builder()
                .maxRecords(PAGE_SIZE)
                .build());
        for (ResourcePendingMaintenanceActions r : pages.pendingMaintenanceActions()) {
            for (PendingMaintenanceAction a : r.pendingMaintenanceActionDetails()) {
                out.add(new PendingMaintenance(r.resourceIdentifier(), nullToEmpty(a.action()), applyAt(a)));
            }
        }
        return out;
    }

    /** When AWS applies the action unasked: the earliest of the dates it gives. */
    static Optional<Instant> applyAt(PendingMaintenanceAction a) {
        Instant best = null;
        for (Instant t : new Instant[] {a.forcedApplyDate(), a.autoAppliedAfterDate(), a.currentApplyDate()}) {
            if (t != null && (best == null || t.isBefore(best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Map<String, String> userParameters(String parameterGroup) {
        Map<String, String> out = new LinkedHashMap<>();
        var pages = client.describeDBParametersPaginator(DescribeDbParametersRequest.builder()
                .dbParameterGroupName(parameterGroup)
                .source("user")
                .maxRecords(PAGE_SIZE)
                .build());
        for (Parameter p : pages.parameters()) {
            if (p.parameterName() != null && p.parameterValue() != null) {
                out.put(p.parameterName(), p.parameterValue());
            }
        }
        return out;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() != null) {
                out.put(t.key(), nullToEmpty(t.value()));
            }
        }
        return out;
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
