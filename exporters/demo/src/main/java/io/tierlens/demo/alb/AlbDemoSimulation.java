package io.tierlens.demo.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import java.util.List;

/**
 * The ALB part of {@code tierlens demo}: a simulated ELBv2 API per target and simulated
 * {@code AWS/ApplicationELB} metrics, both following the scenario (traffic waves, the 5xx burst of the WAS
 * tier with slow responses and a failing health check). The exporter above them is the production code.
 */
public final class AlbDemoSimulation implements DemoSimulation {
    private final Scenario scenario;
    private final ApiCallRecorder recorder;
    private final SimulatedEstate estate;
    private final SimulatedTraffic traffic;

    public AlbDemoSimulation(Scenario scenario, ApiCallRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.estate = SimulatedEstate.of(scenario.scale());
        this.traffic = new SimulatedTraffic(scenario);
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(
                AlbApi.class, target -> new SimulatedAlbApi(estate, traffic, scenario.realClock(), recorder, target));
    }

    @Override
    public List<SimulatedMetricSource> metricSources() {
        return List.of(new AlbMetricSource(estate, traffic));
    }
}
