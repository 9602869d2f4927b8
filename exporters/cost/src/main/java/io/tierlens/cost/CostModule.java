package io.tierlens.cost;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.poll.TargetPoller;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.NatGatewayApi;
import io.tierlens.cost.client.NatGatewayApiFactory;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.QuerySpotPriceApi;
import io.tierlens.cost.client.SdkCostExplorerApi;
import io.tierlens.cost.client.SdkPricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.discovery.CostExplorerRefresher;
import io.tierlens.cost.discovery.InventoryAssembler;
import io.tierlens.cost.discovery.NatGatewayWatch;
import io.tierlens.cost.discovery.PriceBookRefresher;
import io.tierlens.cost.discovery.StaticPriceTable;
import io.tierlens.cost.discovery.StaticUnitPriceTable;
import io.tierlens.cost.discovery.TierMapper;
import io.tierlens.cost.discovery.UnitPriceRefresher;
import io.tierlens.cost.model.NatGateway;
import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.kubernetes.client.ClusterWatches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.pricing.PricingClient;

/** {@code exporters.cost}: hourly cost per node, NodePool, component and tier; Cost Explorer month to date (opt-in). */
public final class CostModule implements ExporterModule<CostConfig> {
    public static final String NAME = "cost";
    public static final String NAT_GATEWAY = "nat_gateway";
    /** The Price List and Cost Explorer APIs are global services answered from us-east-1. */
    static final String GLOBAL_REGION = "us-east-1";
    /** NAT gateways change rarely: DescribeNatGateways every 10 minutes, the last list kept 30 minutes more. */
    static final TargetPoller.Schedule NAT_SCHEDULE =
            new TargetPoller.Schedule(Duration.ofMinutes(10), Duration.ofMinutes(30));

    private final NatGatewayApiFactory natGatewayApis;

    /** The production module: NAT gateways read with DescribeNatGateways over the EC2 Query API. */
    public CostModule() {
        this(NatGatewayApiFactory.QUERY);
    }

    public CostModule(NatGatewayApiFactory natGatewayApis) {
        this.natGatewayApis = natGatewayApis;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CostConfig> configType() {
        return CostConfig.class;
    }

    @Override
    public Exporter create(CostConfig config, ExporterEnvironment env) {
        AwsTarget cluster = clusterTarget(config, env);
        AwsTarget global = cluster.inRegion(GLOBAL_REGION);
        PricingApi pricing = env.clients()
                .get(
                        PricingApi.class,
                        global,
                        t -> new SdkPricingApi(env.clients().factory().build(PricingClient.builder(), t)));
        SpotPriceApi spot = env.clients()
                .get(
                        SpotPriceApi.class,
                        cluster,
                        t -> new QuerySpotPriceApi(env.clients().factory().query(QueryService.EC2, t)));
        CostExplorerApi ce = env.clients()
                .get(
                        CostExplorerApi.class,
                        global,
                        t -> new SdkCostExplorerApi(env.clients().factory().build(CostExplorerClient.builder(), t)));
        StaticUnitPrices units = StaticUnitPriceTable.bundled();
        TierMapper tiers = new TierMapper(config.tierMapping());
        Optional<NatGatewayWatch> nat = config.natGateways().discover()
                ? Optional.of(new NatGatewayWatch(
                        NAME,
                        cluster,
                        () -> natGatewayApi(env, cluster),
                        NAT_SCHEDULE,
                        env.cloudWatch().config().period(),
                        config.natGateways().fetchInterval(),
                        tiers,
                        env.cloudWatch(),
                        env.clock()))
                : Optional.empty();
        return new CostExporter(
                config,
                ClusterWatches.shared(env, config.connection()),
                new InventoryAssembler(
                        env.inventory(), config.inventory(), tiers, units, config.maxStaleness(), cluster.region()),
                nat,
                new PriceBookRefresher(
                        pricing,
                        spot,
                        StaticPriceTable.bundled(),
                        cluster.region(),
                        env.clock(),
                        config.priceRefresh(),
                        config.spotFallbackRatio()),
                new UnitPriceRefresher(
                        pricing, units, cluster.region(), env.clock(), config.priceRefresh(), config.unitPrices()),
                new CostExplorerRefresher(ce, config.costExplorer(), env.self(), env.clock()),
                env.clock());
    }

    /** The cluster's (account, region): {@code region:} or the first target's region. */
    static AwsTarget clusterTarget(CostConfig config, ExporterEnvironment env) {
        String region = config.region().isEmpty()
                ? env.targets().stream().findFirst().map(AwsTarget::region).orElse(GLOBAL_REGION)
                : config.region();
        AwsTarget base = env.targets().stream().findFirst().orElse(AwsTarget.defaultCredentials("unknown", region));
        return base.inRegion(region);
    }

    private NatGatewayApi natGatewayApi(ExporterEnvironment env, AwsTarget target) {
        return env.clients()
                .get(
                        NatGatewayApi.class,
                        target,
                        t -> natGatewayApis.create(env.clients().factory(), t));
    }

    @Override
    public List<String> inventoryKinds() {
        return List.of(NAT_GATEWAY);
    }

    /** Two queries per NAT gateway (its bytes out to destination and to source). */
    @Override
    public List<MetricQuery> plannedQueries(CostConfig config, Map<String, Integer> inventory) {
        if (!config.natGateways().discover()) {
            return List.of();
        }
        List<NatGateway> gateways = new ArrayList<>();
        for (int i = 0; i < inventory.getOrDefault(NAT_GATEWAY, 0); i++) {
            gateways.add(new NatGateway("nat-planned" + i, "", "", "available", "public", Map.of()));
        }
        Duration period = new CloudWatchConfig(null, null, null, null, null).period();
        return NatGatewayWatch.queries(gateways, period, config.natGateways().fetchInterval());
    }

    /** The queries for the gateways DescribeNatGateways finds now in the cluster's region (other targets: none). */
    @Override
    public List<MetricQuery> discoverQueries(CostConfig config, ExporterEnvironment env, AwsTarget target) {
        AwsTarget cluster = clusterTarget(config, env);
        if (!config.natGateways().discover() || !cluster.key().equals(target.key())) {
            return List.of();
        }
        return NatGatewayWatch.queries(
                natGatewayApi(env, cluster).natGateways(),
                env.cloudWatch().config().period(),
                config.natGateways().fetchInterval());
    }
}
