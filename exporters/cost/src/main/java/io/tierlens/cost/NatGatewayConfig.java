package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;

/**
 * {@code exporters.cost.nat_gateways:}
 *
 * @param discover find NAT gateways with DescribeNatGateways in the cluster's region, default true
 * @param fetchInterval how often their processed bytes are read from CloudWatch (two queries per gateway,
 *     replayed a period per refresh in between), default 10m: the bytes move a monthly bill, not an alert
 */
public record NatGatewayConfig(Boolean discover, Duration fetchInterval) implements ConfigChecked {
    public NatGatewayConfig {
        discover = discover == null || discover;
        fetchInterval = fetchInterval == null ? Duration.ofMinutes(10) : fetchInterval;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (fetchInterval.toSeconds() < 60 || fetchInterval.toSeconds() % 60 != 0) {
            problems.add(ConfigProblems.join(path, "fetch_interval"), "must be whole minutes", "e.g. 10m");
        }
    }
}
