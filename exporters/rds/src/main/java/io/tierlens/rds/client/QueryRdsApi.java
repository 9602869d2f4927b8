package io.tierlens.rds.client;

import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.aws.query.XmlElement;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RdsApi} over core's Query-protocol client (RDS API 2014-10-31); pages follow {@code Marker}. */
public final class QueryRdsApi implements RdsApi, AutoCloseable {
    /** The largest page the Describe calls allow: fewer calls, same data. */
    static final String PAGE_SIZE = "100";

    private final AwsQueryClient client;

    public QueryRdsApi(AwsQueryClient client) {
        if (client.service() != QueryService.RDS) {
            throw new IllegalArgumentException(
                    "an RDS client is needed, not " + client.service().label());
        }
        this.client = client;
    }

    @Override
    public List<DbInstance> describeDbInstances() {
        List<DbInstance> out = new ArrayList<>();
        client.pages("DescribeDBInstances", Map.of("MaxRecords", PAGE_SIZE), page -> {
            for (XmlElement i : page.list("DBInstances")) {
                out.add(instance(i));
            }
        });
        return out;
    }

    static DbInstance instance(XmlElement i) {
        Optional<String> group = i.list("DBParameterGroups").stream()
                .flatMap(g -> g.text("DBParameterGroupName").stream())
                .findFirst();
        Optional<Instant> validTill = i.child("CertificateDetails").flatMap(c -> c.instant("ValidTill"));
        return new DbInstance(
                i.string("DBInstanceIdentifier"),
                i.string("DBInstanceArn"),
                i.string("Engine"),
                i.string("EngineVersion"),
                i.string("DBInstanceClass"),
                i.string("DBInstanceStatus"),
                i.bool("MultiAZ"),
                i.string("StorageType"),
                i.integer("AllocatedStorage").orElse(0),
                i.integer("MaxAllocatedStorage"),
                i.text("DBClusterIdentifier"),
                i.text("ReadReplicaSourceDBInstanceIdentifier"),
                i.list("ReadReplicaDBInstanceIdentifiers").stream()
                        .map(XmlElement::text)
                        .toList(),
                group,
                validTill,
                tags(i),
                i.integer("Iops"));
    }

    @Override
    public List<DbCluster> describeDbClusters() {
        List<DbCluster> out = new ArrayList<>();
        client.pages("DescribeDBClusters", Map.of("MaxRecords", PAGE_SIZE), page -> {
            for (XmlElement c : page.list("DBClusters")) {
                List<DbCluster.Member> members = new ArrayList<>();
                for (XmlElement m : c.list("DBClusterMembers")) {
                    members.add(new DbCluster.Member(m.string("DBInstanceIdentifier"), m.bool("IsClusterWriter")));
                }
                out.add(new DbCluster(
                        c.string("DBClusterIdentifier"),
                        c.string("DBClusterArn"),
                        c.string("Engine"),
                        c.string("EngineVersion"),
                        c.string("Status"),
                        members,
                        tags(c)));
            }
        });
        return out;
    }

    @Override
    public List<PendingMaintenance> describePendingMaintenanceActions() {
        List<PendingMaintenance> out = new ArrayList<>();
        client.pages("DescribePendingMaintenanceActions", Map.of("MaxRecords", PAGE_SIZE), page -> {
            for (XmlElement r : page.list("PendingMaintenanceActions")) {
                String resource = r.string("ResourceIdentifier");
                for (XmlElement a : r.list("PendingMaintenanceActionDetails")) {
                    out.add(new PendingMaintenance(resource, a.string("Action"), applyAt(a)));
                }
            }
        });
        return out;
    }

    /** When AWS applies the action unasked: the earliest of the dates it gives. */
    static Optional<Instant> applyAt(XmlElement action) {
        Instant best = null;
        for (String field : List.of("ForcedApplyDate", "AutoAppliedAfterDate", "CurrentApplyDate")) {
            Instant t = action.instant(field).orElse(null);
            if (t != null && (best == null || t.isBefore(best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Map<String, String> userParameters(String parameterGroup) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("DBParameterGroupName", parameterGroup);
        request.put("Source", "user");
        request.put("MaxRecords", PAGE_SIZE);
        client.pages("DescribeDBParameters", request, page -> {
            for (XmlElement p : page.list("Parameters")) {
                Optional<String> name = p.text("ParameterName");
                // an unset parameter comes without <ParameterValue>; "" is a value someone set
                Optional<XmlElement> value = p.child("ParameterValue");
                if (name.isPresent() && value.isPresent()) {
                    out.put(name.get(), value.get().text());
                }
            }
        });
        return out;
    }

    private static Map<String, String> tags(XmlElement resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (XmlElement t : resource.list("TagList")) {
            t.text("Key").ifPresent(k -> out.put(k, t.string("Value")));
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
