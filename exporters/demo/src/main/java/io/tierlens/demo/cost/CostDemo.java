package io.tierlens.demo.cost;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.discovery.StaticPriceTable;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;

/**
 * The cost part of {@code tierlens demo}: simulated Pricing, EC2 spot history and Cost Explorer that report
 * their calls like real clients. The nodes being priced are the Karpenter demo's.
 */
public final class CostDemo implements DemoSimulation {
    private final Scenario scenario;
    private final ApiCallRecorder recorder;
    private final StaticPrices prices = StaticPriceTable.bundled();

    public CostDemo(Scenario scenario, ApiCallRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(PricingApi.class, t -> new SimulatedPricing(prices, recorder));
        clients.registerAws(SpotPriceApi.class, t -> new SimulatedSpotPrices(prices, scenario, recorder));
        clients.registerAws(CostExplorerApi.class, t -> new SimulatedCostExplorer(recorder));
    }
}
