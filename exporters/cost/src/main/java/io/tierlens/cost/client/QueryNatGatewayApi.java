package io.tierlens.cost.client;

import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.aws.query.XmlElement;
import io.tierlens.cost.model.NatGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link NatGatewayApi} over core's Query-protocol client (EC2 DescribeNatGateways, IAM action
 * {@code ec2:DescribeNatGateways}), for the client's region. Gateways in state {@code deleted} are left out here
 * rather than by a request filter: AWS lists them for about an hour after deletion and they cost nothing.
 */
public final class QueryNatGatewayApi implements NatGatewayApi, AutoCloseable {
    static final String DELETED = "deleted";

    private final AwsQueryClient client;

    public QueryNatGatewayApi(AwsQueryClient client) {
        if (client.service() != QueryService.EC2) {
            throw new IllegalArgumentException(
                    "an EC2 client is needed, not " + client.service().label());
        }
        this.client = client;
    }

    @Override
    public List<NatGateway> natGateways() {
        List<NatGateway> out = new ArrayList<>();
        client.pages("DescribeNatGateways", Map.of("MaxResults", "1000"), page -> {
            for (XmlElement g : page.list("natGatewaySet")) {
                String state = g.string("state");
                if (DELETED.equals(state) || g.text("natGatewayId").isEmpty()) {
                    continue;
                }
                Map<String, String> tags = new LinkedHashMap<>();
                for (XmlElement t : g.list("tagSet")) {
                    t.text("key").ifPresent(k -> tags.put(k, t.string("value")));
                }
                out.add(new NatGateway(
                        g.string("natGatewayId"),
                        g.string("vpcId"),
                        g.string("subnetId"),
                        state,
                        g.string("connectivityType"),
                        tags));
            }
        });
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
