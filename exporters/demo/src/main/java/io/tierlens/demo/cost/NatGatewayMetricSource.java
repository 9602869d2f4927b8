package io.tierlens.demo.cost;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.cost.discovery.NatGatewayWatch;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Simulated {@code AWS/NATGateway}: each gateway carries image pulls, package downloads and outbound API calls,
 * 40 MB per minute out at peak traffic, rising and falling with the traffic wave (mean 0.6 of peak); answers
 * come back to the VPC at a fifth of what goes out, so a gateway processes about 1.6 GiB an hour on average.
 */
final class NatGatewayMetricSource implements SimulatedMetricSource {
    static final double BYTES_OUT_PER_SECOND = 40e6 / 60;

    private final Scenario scenario;

    NatGatewayMetricSource(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public String namespace() {
        return NatGatewayWatch.NAMESPACE;
    }

    @Override
    public OptionalDouble value(MetricQuery q, Instant periodStart) {
        if (!q.statistic().equals("Sum") || !q.dimensions().containsKey("NatGatewayId")) {
            return OptionalDouble.empty();
        }
        double perSecond = BYTES_OUT_PER_SECOND * scenario.traffic(periodStart);
        double share = switch (q.metricName()) {
            case "BytesOutToDestination" -> 1.0;
            case "BytesOutToSource" -> 0.2;
            default -> -1;
        };
        if (share < 0) {
            return OptionalDouble.empty();
        }
        double noise = 1 + 0.2 * (Scenario.noise(q.toString(), periodStart.getEpochSecond() / 60) - 0.5);
        return OptionalDouble.of(
                Math.rint(perSecond * share * noise * q.period().toSeconds()));
    }
}
