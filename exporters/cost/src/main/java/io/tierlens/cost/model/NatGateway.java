package io.tierlens.cost.model;

import java.util.Map;
import java.util.Objects;

/**
 * One NAT gateway as DescribeNatGateways reports it.
 *
 * @param id the gateway id ({@code nat-…}), the {@code NatGatewayId} dimension of {@code AWS/NATGateway}
 * @param vpcId the VPC it serves
 * @param subnetId the subnet it lives in (one per availability zone in the usual layout)
 * @param state {@code pending | available | deleting | deleted | failed}
 * @param connectivityType {@code public} or {@code private} (both are billed the same per hour and per GB)
 * @param tags the gateway's tags, for tier mapping
 */
public record NatGateway(
        String id, String vpcId, String subnetId, String state, String connectivityType, Map<String, String> tags) {
    public NatGateway {
        Objects.requireNonNull(id, "id");
        tags = Map.copyOf(tags);
    }
}
