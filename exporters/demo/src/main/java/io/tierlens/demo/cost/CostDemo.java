package io.tierlens.demo.cost;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.NatGatewayApi;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.discovery.StaticPriceTable;
import io.tierlens.cost.discovery.StaticUnitPriceTable;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import java.util.List;

/**
 * The cost part of {@code tierlens demo}: simulated Pricing (instance and unit prices), EC2 spot history, NAT
 * gateways with their CloudWatch bytes, and Cost Explorer, reporting their calls like real clients. The nodes
 * priced are the Karpenter demo's; the ALBs and RDS instances are what the ALB and RDS demos' exporters publish.
 */
public final class CostDemo implements DemoSimulation {
    private final Scenario scenario;
    private final ApiCallRecorder recorder;
    private final StaticPrices prices = StaticPriceTable.bundled();
    private final StaticUnitPrices unitPrices = StaticUnitPriceTable.bundled();

    public CostDemo(Scenario scenario, ApiCallRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(PricingApi.class, t -> new SimulatedPricing(prices, unitPrices, recorder));
        clients.registerAws(NatGatewayApi.class, t -> new SimulatedNatGateways(t, recorder));
        clients.registerAws(SpotPriceApi.class, t -> new SimulatedSpotPrices(prices, scenario, recorder));
        clients.registerAws(CostExplorerApi.class, t -> new SimulatedCostExplorer(recorder));
    }

    @Override
    public List<SimulatedMetricSource> metricSources() {
        return List.of(new NatGatewayMetricSource(scenario));
    }
}
