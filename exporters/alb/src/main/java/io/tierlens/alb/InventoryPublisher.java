package io.tierlens.alb;

import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.collector.AlbSeries;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.inventory.DiscoveredLoadBalancer;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.inventory.Published;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes each served target's load balancers with their consumed LCUs on the environment's inventory board,
 * for the cost exporter: the ALB exporter already pays for the {@code ConsumedLCUs} query, so cost reads the value
 * instead of asking CloudWatch again.
 */
final class InventoryPublisher {
    private final AlbQueries queries;
    private final InventoryBoard board;

    InventoryPublisher(AlbQueries queries, InventoryBoard board) {
        this.queries = queries;
        this.board = board;
    }

    void publish(AwsTarget target, AlbInventory inventory, Map<MetricQuery, MetricValue> values, Instant now) {
        Map<String, MetricQuery> lcuQueries = new HashMap<>();
        queries.plan(inventory).stream()
                .filter(p -> p.series() == AlbSeries.LB_CONSUMED_LCUS)
                .forEach(p -> lcuQueries.putIfAbsent(p.loadBalancer().arn(), p.query()));
        List<DiscoveredLoadBalancer> out = inventory.loadBalancers().stream()
                .map(lb -> discovered(
                        lb,
                        inventory,
                        Optional.ofNullable(lcuQueries.get(lb.arn()))
                                .map(values::get)
                                .map(MetricValue::value)))
                .toList();
        board.publish(DiscoveredLoadBalancer.class, new Published<>(target.key(), out, now));
    }

    private static DiscoveredLoadBalancer discovered(LoadBalancer lb, AlbInventory inventory, Optional<Double> lcus) {
        return new DiscoveredLoadBalancer(lb.name(), lb.scheme(), inventory.ingressOf(lb), lcus, lb.tags());
    }
}
