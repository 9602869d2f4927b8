package io.tierlens.cost.client;

import io.tierlens.cost.model.NatGateway;
import java.util.List;

/**
 * EC2 DescribeNatGateways for the client's region. Implementations follow pagination (NextToken) and return
 * every gateway whose state is not {@code deleted}: a gateway in {@code pending}, {@code available} or
 * {@code deleting} is still billed by the hour.
 */
public interface NatGatewayApi {

    List<NatGateway> natGateways();
}
