package io.tierlens.demo.rds;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.util.List;
import java.util.Map;

/**
 * {@link RdsApi} of the demo for one (account, region): the {@link DemoDatabases} with this target's ARNs. Every
 * call is reported to the {@link ApiCallRecorder} once per request the real client would send (pages of 100),
 * under the SDK's service and operation names.
 */
final class SimulatedRdsApi implements RdsApi {
    static final String SERVICE = "rds";

    private final DemoDatabases databases;
    private final ApiCallRecorder recorder;
    private final AwsTarget target;

    SimulatedRdsApi(DemoDatabases databases, ApiCallRecorder recorder, AwsTarget target) {
        this.databases = databases;
        this.recorder = recorder;
        this.target = target;
    }

    @Override
    public List<DbInstance> describeDbInstances() {
        List<DbInstance> out = databases.instances(target);
        record(Math.max(1, (out.size() + 99) / 100), "DescribeDBInstances");
        return out;
    }

    @Override
    public List<DbCluster> describeDbClusters() {
        record(1, "DescribeDBClusters");
        return List.of();
    }

    @Override
    public List<PendingMaintenance> describePendingMaintenanceActions() {
        record(1, "DescribePendingMaintenanceActions");
        return databases.pendingMaintenance(target);
    }

    @Override
    public Map<String, String> userParameters(String parameterGroup) {
        record(1, "DescribeDBParameters");
        return databases.userParameters(parameterGroup);
    }

    private void record(int requests, String operation) {
        for (int i = 0; i < requests; i++) {
            recorder.recordRequest(SERVICE, operation, ApiOutcome.OK);
        }
    }
}
