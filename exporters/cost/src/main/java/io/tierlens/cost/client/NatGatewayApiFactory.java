package io.tierlens.cost.client;

import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;

/**
 * Builds the production {@link NatGatewayApi} of a target ({@link #QUERY}). The demo and the tests never call it:
 * they answer {@code ApiClients.get(NatGatewayApi.class, ...)} with simulations and fakes.
 */
@FunctionalInterface
public interface NatGatewayApiFactory {

    NatGatewayApi create(AwsClientFactory clients, AwsTarget target);

    /** Production: DescribeNatGateways over the EC2 Query API (no EC2 SDK in the jar). */
    NatGatewayApiFactory QUERY = (clients, target) -> new QueryNatGatewayApi(clients.query(QueryService.EC2, target));
}
