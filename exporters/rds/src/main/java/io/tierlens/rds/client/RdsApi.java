package io.tierlens.rds.client;

import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.util.List;
import java.util.Map;

/**
 * What the RDS exporter needs from the RDS API, for one (account, region). Implementations follow the
 * {@code Marker} pagination. Errors are the SDK's exceptions (the runtime classifies them).
 */
public interface RdsApi {

    /** Every DB instance, with its tags. */
    List<DbInstance> describeDbInstances();

    /** Every DB cluster, with its members and tags. */
    List<DbCluster> describeDbClusters();

    /** Every pending maintenance action of every instance and cluster. */
    List<PendingMaintenance> describePendingMaintenanceActions();

    /**
     * The parameters a user changed in one DB parameter group (DescribeDBParameters with {@code Source=user}:
     * usually one page, where all parameters would be five), name → value as written, formulas included.
     */
    Map<String, String> userParameters(String parameterGroup);
}
