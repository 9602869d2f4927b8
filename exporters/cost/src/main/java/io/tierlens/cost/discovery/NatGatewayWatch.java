package io.tierlens.cost.discovery;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.poll.DataTime;
import io.tierlens.core.poll.Discovery;
import io.tierlens.core.poll.PollOutcome;
import io.tierlens.core.poll.TargetPoller;
import io.tierlens.cost.client.NatGatewayApi;
import io.tierlens.cost.model.NatGateway;
import io.tierlens.cost.model.NatGatewayUsage;
import io.tierlens.cost.model.Source;
import io.tierlens.cost.model.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The NAT gateways of the cluster's (account, region) and the data they process: DescribeNatGateways every
 * {@code discovery_interval} (through {@link NatGatewayApi}), and {@code AWS/NATGateway}
 * {@code BytesOutToDestination} + {@code BytesOutToSource} (Sum) per gateway through the shared CloudWatch planner,
 * so {@code tierlens plan} counts them. AWS bills every byte the gateway processes, in either direction; the
 * two "out" metrics count each byte once (what leaves towards the internet, and the answers sent back in).
 */
public final class NatGatewayWatch {
    public static final String NAMESPACE = "AWS/NATGateway";
    public static final List<String> METRICS = List.of("BytesOutToDestination", "BytesOutToSource");
    /** AWS bills data in GB of 2^30 bytes. */
    static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private final TargetPoller<List<NatGateway>> poller;
    private final Function<List<NatGateway>, List<MetricQuery>> queries;
    private final TierMapper tiers;
    private Optional<PollOutcome> last = Optional.empty();

    public NatGatewayWatch(
            String exporter,
            AwsTarget target,
            NatGatewayApiSupplier api,
            TargetPoller.Schedule schedule,
            Duration period,
            Duration fetchInterval,
            TierMapper tiers,
            CloudWatchPlanner cloudWatch,
            Clock clock) {
        this.queries = gws -> queries(gws, period, fetchInterval);
        this.tiers = tiers;
        this.poller = new TargetPoller<>(
                exporter,
                target,
                schedule,
                () -> Discovery.Discovered.of(api.get().natGateways()),
                queries,
                List.of(),
                cloudWatch,
                clock);
    }

    /** The client, built on first use: building it may fail, and that is a discovery failure. */
    @FunctionalInterface
    public interface NatGatewayApiSupplier {
        NatGatewayApi get();
    }

    /** Two Sum queries per gateway, fetched every {@code fetchInterval} (trend class). */
    public static List<MetricQuery> queries(List<NatGateway> gateways, Duration period, Duration fetchInterval) {
        List<MetricQuery> out = new ArrayList<>();
        for (NatGateway g : gateways) {
            for (String metric : METRICS) {
                out.add(new MetricQuery(
                        NAMESPACE,
                        metric,
                        Map.of("NatGatewayId", g.id()),
                        "Sum",
                        period,
                        true,
                        Freshness.trend(fetchInterval)));
            }
        }
        return out;
    }

    /** Polls discovery and CloudWatch once (every cost refresh: the planner expects one submission per round). */
    public void poll() throws InterruptedException {
        last = Optional.of(poller.poll());
    }

    /** The gateways with their processed GB per hour; empty while nothing is servable. */
    public List<NatGatewayUsage> usage(Instant now) {
        if (!poller.servable(now)) {
            return List.of();
        }
        Map<MetricQuery, MetricValue> values = poller.values(now);
        List<NatGatewayUsage> out = new ArrayList<>();
        for (NatGateway g : poller.inventory().orElse(List.of())) {
            double bytesPerSecond = 0;
            for (MetricQuery q : queries.apply(List.of(g))) {
                MetricValue v = values.get(q);
                if (v != null) {
                    bytesPerSecond += v.perSecond();
                }
            }
            out.add(new NatGatewayUsage(
                    g.id(),
                    tiers.ofTags(g.tags(), Tier.SHARED),
                    bytesPerSecond * 3600 / BYTES_PER_GB,
                    Source.DISCOVERED));
        }
        return out;
    }

    /** {@code tierlens_target_up{target="<account>/<region>"}} of the NAT reads. */
    public TargetStatus status(Instant now) {
        List<String> reasons = last.map(o -> o.failures().stream()
                        .map(PollOutcome.PartFailure::reason)
                        .toList())
                .orElse(List.of());
        if (!poller.servable(now)) {
            return new TargetStatus(poller.target().key(), reasons, Optional.empty());
        }
        DataTime times = new DataTime();
        poller.addDataTimes(times, now);
        return new TargetStatus(poller.target().key(), reasons, Optional.of(times.resolve(now)));
    }
}
