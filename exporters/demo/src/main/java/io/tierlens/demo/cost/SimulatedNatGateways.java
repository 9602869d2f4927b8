package io.tierlens.demo.cost;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.cost.client.NatGatewayApi;
import io.tierlens.cost.model.NatGateway;
import java.util.List;
import java.util.Map;

/** The demo VPC's NAT gateways: one per availability zone of the cluster's region (2 AZ), as the app runs. */
final class SimulatedNatGateways implements NatGatewayApi {
    private final AwsTarget target;
    private final ApiCallRecorder recorder;

    SimulatedNatGateways(AwsTarget target, ApiCallRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    static List<NatGateway> gateways(String region) {
        return List.of(
                new NatGateway(
                        "nat-0demo" + Math.floorMod(region.hashCode(), 1000) + "a",
                        "vpc-0demo",
                        "subnet-" + region + "a",
                        "available",
                        "public",
                        Map.of("Name", "shop-nat-a")),
                new NatGateway(
                        "nat-0demo" + Math.floorMod(region.hashCode(), 1000) + "c",
                        "vpc-0demo",
                        "subnet-" + region + "c",
                        "available",
                        "public",
                        Map.of("Name", "shop-nat-c")));
    }

    @Override
    public List<NatGateway> natGateways() {
        recorder.recordRequest("ec2", "DescribeNatGateways", ApiOutcome.OK);
        return gateways(target.region());
    }
}
