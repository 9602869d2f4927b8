package io.tierlens.cost.discovery;

import io.tierlens.core.inventory.DiscoveredDatabase;
import io.tierlens.core.inventory.DiscoveredLoadBalancer;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.inventory.Published;
import io.tierlens.cost.InventoryConfig;
import io.tierlens.cost.model.ControlPlane;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.LoadBalancerUsage;
import io.tierlens.cost.model.NatGatewayUsage;
import io.tierlens.cost.model.Source;
import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.cost.model.Tier;
import io.tierlens.cost.model.VolumeUsage;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The inventory the cost model prices, from what the ALB and RDS exporters published for the cluster's region
 * (every account of it; no older than
 * {@code maxAge}: an exporter that stopped refreshing does not keep billing what it saw last), the NAT gateways
 * discovered here, the cluster's nodes, and the {@code inventory:} overrides. Pure apart from reading the board.
 */
public final class InventoryAssembler {
    private final InventoryBoard board;
    private final InventoryConfig config;
    private final TierMapper tiers;
    private final StaticUnitPrices calendar;
    private final Duration maxAge;
    private final String region;

    /**
     * @param region the cluster's region: resources published for other regions are another application's, and
     *     would be priced at the wrong region's unit prices
     */
    public InventoryAssembler(
            InventoryBoard board,
            InventoryConfig config,
            TierMapper tiers,
            StaticUnitPrices calendar,
            Duration maxAge,
            String region) {
        this.region = region;
        this.board = board;
        this.config = config;
        this.tiers = tiers;
        this.calendar = calendar;
        this.maxAge = maxAge;
    }

    public Inventory assemble(
            ClusterState cluster,
            List<NatGatewayUsage> discoveredNat,
            Function<String, String> tierOfNodePool,
            Instant now) {
        return new Inventory(
                clusters(now),
                loadBalancers(now),
                databases(now),
                natGateways(discoveredNat),
                volumes(cluster, tierOfNodePool));
    }

    private List<ControlPlane> clusters(Instant now) {
        String v = config.eksVersion();
        ControlPlane one = v.isEmpty()
                ? new ControlPlane("", false, Source.ESTIMATED)
                : new ControlPlane(
                        v,
                        calendar.extendedSupport(v, now.atZone(ZoneOffset.UTC).toLocalDate()),
                        Source.CONFIGURED);
        List<ControlPlane> out = new ArrayList<>();
        for (int i = 0; i < config.clusters(); i++) {
            out.add(one);
        }
        return out;
    }

    private <T> List<T> fresh(Class<T> kind, Instant now) {
        List<T> out = new ArrayList<>();
        for (Published<T> p : board.read(kind)) {
            if (p.target().endsWith("/" + region) && p.age(now).compareTo(maxAge) <= 0) {
                out.addAll(p.items());
            }
        }
        return out;
    }

    private List<LoadBalancerUsage> loadBalancers(Instant now) {
        Map<String, LoadBalancerUsage> byName = new LinkedHashMap<>();
        for (DiscoveredLoadBalancer lb : fresh(DiscoveredLoadBalancer.class, now)) {
            String tier = tiers.ofLoadBalancer(lb.tags(), lb.ingress());
            // Without a ConsumedLCUs datapoint yet, only the hourly charge is certain: LCUs are estimated at 0.
            byName.put(
                    lb.name(),
                    lb.consumedLcus()
                            .map(l -> new LoadBalancerUsage(lb.name(), tier, l, Source.DISCOVERED))
                            .orElseGet(() -> new LoadBalancerUsage(lb.name(), tier, 0, Source.ESTIMATED)));
        }
        config.loadBalancers()
                .forEach(l ->
                        byName.put(l.name(), new LoadBalancerUsage(l.name(), l.tier(), l.lcus(), Source.CONFIGURED)));
        return List.copyOf(byName.values());
    }

    private List<DatabaseInstance> databases(Instant now) {
        Map<String, DatabaseInstance> byName = new LinkedHashMap<>();
        for (DiscoveredDatabase d : fresh(DiscoveredDatabase.class, now)) {
            byName.put(
                    d.identifier(),
                    new DatabaseInstance(
                            d.identifier(),
                            d.instanceClass(),
                            d.engine(),
                            d.multiAz(),
                            d.storageType(),
                            d.allocatedStorageGib(),
                            d.provisionedIops(),
                            tiers.ofTags(d.tags(), Tier.DB),
                            Source.DISCOVERED));
        }
        config.databases()
                .forEach(d -> byName.put(
                        d.name(),
                        new DatabaseInstance(
                                d.name(), d.instanceClass(), d.engine(), d.multiAz(), d.storageGb(), d.tier())));
        return List.copyOf(byName.values());
    }

    private List<NatGatewayUsage> natGateways(List<NatGatewayUsage> discovered) {
        if (!discovered.isEmpty()) {
            return discovered;
        }
        List<NatGatewayUsage> out = new ArrayList<>();
        for (int i = 0; i < config.natGateways(); i++) {
            // A counted gateway's traffic is unknown: only its hours are priced.
            out.add(new NatGatewayUsage("configured-" + (i + 1), Tier.SHARED, 0, Source.CONFIGURED));
        }
        return out;
    }

    /**
     * EBS per tier: {@code ebs_gb} where configured, else each node's root volume ({@code node_volume_gb}) in its
     * NodePool's tier. Persistent volumes are not in the cluster view and need {@code ebs_gb}.
     */
    private List<VolumeUsage> volumes(ClusterState cluster, Function<String, String> tierOfNodePool) {
        Map<String, Double> estimated = new TreeMap<>();
        for (ClusterNode n : cluster.nodes()) {
            estimated.merge(tierOfNodePool.apply(n.nodePool()), config.nodeVolumeGb(), Double::sum);
        }
        List<VolumeUsage> out = new ArrayList<>();
        estimated.forEach((tier, gb) -> {
            if (!config.ebsGb().containsKey(tier)) {
                out.add(new VolumeUsage(tier, gb, Source.ESTIMATED));
            }
        });
        new TreeMap<>(config.ebsGb()).forEach((tier, gb) -> out.add(new VolumeUsage(tier, gb, Source.CONFIGURED)));
        return out;
    }
}
