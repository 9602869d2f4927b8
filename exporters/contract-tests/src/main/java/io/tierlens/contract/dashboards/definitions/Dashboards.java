package io.tierlens.contract.dashboards.definitions;

import io.tierlens.contract.dashboards.model.Dashboard;
import java.util.List;

/** All tierlens dashboards, in number order. */
public final class Dashboards {
    private Dashboards() {}

    public static List<Dashboard> all() {
        return List.of(
                SystemOverview.build(),
                AwsInfrastructure.build(),
                Jvm.build(),
                Karpenter.build(),
                Cost.build(),
                DrStatus.build(),
                Session.build(),
                RdsBackup.build(),
                BatchJobs.build());
    }
}
