package io.tierlens.demo.rds;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import io.tierlens.rds.client.RdsApi;
import java.util.List;

/**
 * The RDS part of {@code tierlens demo}: a simulated RDS API per target and simulated {@code AWS/RDS} metrics,
 * both following the scenario. The exporter above them is the production code.
 */
public final class RdsDemoSimulation implements DemoSimulation {
    private final Scenario scenario;
    private final ApiCallRecorder recorder;
    private final DemoDatabases databases;

    public RdsDemoSimulation(Scenario scenario, ApiCallRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.databases = new DemoDatabases(scenario);
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(RdsApi.class, target -> new SimulatedRdsApi(databases, recorder, target));
    }

    @Override
    public List<SimulatedMetricSource> metricSources() {
        return List.of(new RdsMetricSource(scenario, databases));
    }
}
