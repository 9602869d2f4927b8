package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.inventory.DiscoveredDatabase;
import io.tierlens.core.inventory.DiscoveredLoadBalancer;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.inventory.Published;
import io.tierlens.cost.InventoryConfig;
import io.tierlens.cost.TierMappingConfig;
import io.tierlens.cost.model.ControlPlane;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.LoadBalancerUsage;
import io.tierlens.cost.model.NatGatewayUsage;
import io.tierlens.cost.model.Source;
import io.tierlens.cost.model.VolumeUsage;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryAssemblerTest {
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private final InventoryBoard board = new InventoryBoard();

    private static InventoryConfig config(
            List<InventoryConfig.LoadBalancer> lbs, Integer nat, Map<String, Double> ebs, String eksVersion) {
        return new InventoryConfig(null, lbs, null, nat, ebs, eksVersion, null);
    }

    private Inventory assemble(InventoryConfig config, List<NatGatewayUsage> nat) {
        return new InventoryAssembler(
                        board,
                        config,
                        new TierMapper(new TierMappingConfig(null, Map.of("shop-api", "was"))),
                        StaticUnitPriceTable.bundled(),
                        Duration.ofMinutes(15),
                        "ap-northeast-2")
                .assemble(cluster(), nat, pool -> pool.equals("was") ? "was" : "web", NOW);
    }

    private static ClusterState cluster() {
        InstanceShape shape = new InstanceShape("m6i.large", "on-demand", "ap-northeast-2a");
        ResourceAmounts r = new ResourceAmounts(2, 8e9, 29);
        return new ClusterState(
                NOW,
                new KarpenterApi(List.of("v1")),
                List.of(),
                List.of(),
                List.of(
                        new ClusterNode("n1", "web", shape, r, true, NOW),
                        new ClusterNode("n2", "was", shape, r, true, NOW),
                        new ClusterNode("n3", "was", shape, r, true, NOW)),
                Map.of(),
                List.of(),
                Map.of(),
                List.of());
    }

    private void publishDefaults(Instant at) {
        board.publish(
                DiscoveredLoadBalancer.class,
                new Published<>(
                        "1/ap-northeast-2",
                        List.of(
                                new DiscoveredLoadBalancer(
                                        "web", "internet-facing", "shop/web", Optional.of(3.0), Map.of()),
                                new DiscoveredLoadBalancer(
                                        "api", "internal", "shop-api/api", Optional.empty(), Map.of()),
                                new DiscoveredLoadBalancer(
                                        "tagged",
                                        "internal",
                                        "",
                                        Optional.of(1.0),
                                        Map.of("tierlens.io/tier", "shared"))),
                        at));
        board.publish(
                DiscoveredDatabase.class,
                new Published<>(
                        "1/ap-northeast-2",
                        List.of(new DiscoveredDatabase(
                                "shop-db",
                                "db.r6g.large",
                                "mysql",
                                true,
                                "gp3",
                                100,
                                Optional.empty(),
                                Map.of("tierlens.io/tier", "not-a-tier"))),
                        at));
    }

    @Test
    void anEmptyInventorySectionPricesWhatTheExportersDiscoveredInTheirTiers() {
        publishDefaults(NOW.minusSeconds(60));

        Inventory inv = assemble(config(null, null, null, null), List.of());

        assertThat(inv.loadBalancers())
                .containsExactly(
                        new LoadBalancerUsage("web", "web", 3.0, Source.DISCOVERED),
                        // no LCU datapoint yet: only the hours are certain
                        new LoadBalancerUsage("api", "was", 0, Source.ESTIMATED),
                        new LoadBalancerUsage("tagged", "shared", 1.0, Source.DISCOVERED));
        // a tag value that is not a tier does not become a label value
        assertThat(inv.databases())
                .containsExactly(new DatabaseInstance(
                        "shop-db",
                        "db.r6g.large",
                        "mysql",
                        true,
                        "gp3",
                        100,
                        Optional.empty(),
                        "db",
                        Source.DISCOVERED));
        assertThat(inv.volumes())
                .containsExactly(
                        new VolumeUsage("was", 40.0, Source.ESTIMATED), new VolumeUsage("web", 20.0, Source.ESTIMATED));
        assertThat(inv.clusters()).containsExactly(new ControlPlane("", false, Source.ESTIMATED));
        assertThat(inv.natGateways()).isEmpty();
    }

    @Test
    void configuredEntriesOverrideDiscoveredOnesOfTheSameName() {
        publishDefaults(NOW.minusSeconds(60));

        Inventory inv = assemble(
                config(
                        List.of(new InventoryConfig.LoadBalancer("web", "web", 10.0)),
                        null,
                        Map.of("was", 500.0),
                        "1.28"),
                List.of());

        assertThat(inv.loadBalancers()).contains(new LoadBalancerUsage("web", "web", 10.0, Source.CONFIGURED));
        assertThat(inv.loadBalancers()).hasSize(3);
        assertThat(inv.volumes())
                .containsExactly(
                        new VolumeUsage("web", 20.0, Source.ESTIMATED),
                        new VolumeUsage("was", 500.0, Source.CONFIGURED));
        assertThat(inv.clusters()).containsExactly(new ControlPlane("1.28", true, Source.CONFIGURED));
    }

    @Test
    void whatAnExporterPublishedLongerAgoThanMaxStalenessIsNoLongerBilled() {
        publishDefaults(NOW.minus(Duration.ofMinutes(16)));

        Inventory inv = assemble(config(null, null, null, null), List.of());

        assertThat(inv.loadBalancers()).isEmpty();
        assertThat(inv.databases()).isEmpty();
    }

    @Test
    void resourcesOfAnotherRegionAreNotPricedAtThisRegionsPrices() {
        board.publish(
                DiscoveredLoadBalancer.class,
                new Published<>(
                        "1/eu-west-1",
                        List.of(new DiscoveredLoadBalancer("elsewhere", "internal", "", Optional.of(1.0), Map.of())),
                        NOW));

        assertThat(assemble(config(null, null, null, null), List.of()).loadBalancers())
                .isEmpty();
    }

    @Test
    void countedNatGatewaysStandInOnlyWhileDiscoveryFindsNone() {
        NatGatewayUsage found = new NatGatewayUsage("nat-1", "shared", 2.0, Source.DISCOVERED);

        assertThat(assemble(config(null, 2, null, null), List.of()).natGateways())
                .extracting(NatGatewayUsage::source)
                .containsExactly(Source.CONFIGURED, Source.CONFIGURED);
        assertThat(assemble(config(null, 2, null, null), List.of(found)).natGateways())
                .containsExactly(found);
    }
}
