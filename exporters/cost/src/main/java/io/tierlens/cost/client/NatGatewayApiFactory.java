package io.tierlens.cost.client;

import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;

/**
 * Builds the production {@link NatGatewayApi} of a target. The implementation over the EC2 Query API lives with
 * the other EC2 Query calls; the app hands it to {@code new CostModule(factory)}. The demo and the tests never
 * call it: they answer {@code ApiClients.get(NatGatewayApi.class, ...)} with simulations and fakes.
 */
@FunctionalInterface
public interface NatGatewayApiFactory {

    NatGatewayApi create(AwsClientFactory clients, AwsTarget target);

    /**
     * Until a build wires an implementation: every DescribeNatGateways attempt fails visibly (the NAT target is
     * down, the gateways are priced from {@code inventory.nat_gateways} if counted there).
     */
    NatGatewayApiFactory NOT_WIRED = (clients, target) -> {
        throw new UnsupportedOperationException(
                "this build has no DescribeNatGateways client; set exporters.cost.nat_gateways.discover: false");
    };
}
