package io.tierlens.cost;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.cost.client.ConfiguredInventory;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.QuerySpotPriceApi;
import io.tierlens.cost.client.SdkCostExplorerApi;
import io.tierlens.cost.client.SdkPricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.discovery.CostExplorerRefresher;
import io.tierlens.cost.discovery.PriceBookRefresher;
import io.tierlens.cost.discovery.StaticPriceTable;
import io.tierlens.kubernetes.client.ClusterWatches;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.pricing.PricingClient;

/** {@code exporters.cost}: hourly cost per node, NodePool and tier; Cost Explorer month to date (opt-in). */
public final class CostModule implements ExporterModule<CostConfig> {
    public static final String NAME = "cost";
    /** The Price List and Cost Explorer APIs are global services answered from us-east-1. */
    static final String GLOBAL_REGION = "us-east-1";

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
        String region = config.region().isEmpty()
                ? env.targets().stream().findFirst().map(AwsTarget::region).orElse(GLOBAL_REGION)
                : config.region();
        AwsTarget base = env.targets().stream().findFirst().orElse(AwsTarget.defaultCredentials("unknown", region));
        AwsTarget cluster = base.inRegion(region);
        AwsTarget global = base.inRegion(GLOBAL_REGION);
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
        return new CostExporter(
                config,
                ClusterWatches.shared(env, config.connection()),
                new ConfiguredInventory(config.inventory()),
                new PriceBookRefresher(
                        pricing,
                        spot,
                        StaticPriceTable.bundled(),
                        region,
                        env.clock(),
                        config.priceRefresh(),
                        config.spotFallbackRatio()),
                new CostExplorerRefresher(ce, config.costExplorer(), env.self(), env.clock()),
                env.clock());
    }
}
