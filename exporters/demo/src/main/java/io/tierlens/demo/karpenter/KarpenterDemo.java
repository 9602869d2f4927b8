package io.tierlens.demo.karpenter;

import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.client.ClusterWatches;
import io.tierlens.kubernetes.client.InformerClusterWatch;
import io.tierlens.kubernetes.mock.MockKubernetesApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Karpenter part of {@code tierlens demo}: fabric8's mock API server in CRUD mode holding a simulated
 * cluster (three NodePools, nodes following the traffic waves, a spot interruption, pending pods during
 * scale-up). The exporters reach it through the production {@link InformerClusterWatch} over a real client.
 */
public final class KarpenterDemo implements DemoSimulation, AutoCloseable {
    private final Scenario scenario;
    private final MockKubernetesApi api;
    private final ClusterSimulator simulator;
    private final List<ClusterWatch> watches = new CopyOnWriteArrayList<>();

    private KarpenterDemo(Scenario scenario, MockKubernetesApi api, ClusterSimulator simulator) {
        this.scenario = scenario;
        this.api = api;
        this.simulator = simulator;
    }

    public static KarpenterDemo start(Scenario scenario) {
        MockKubernetesApi api = MockKubernetesApi.start(List.of("v1"));
        ClusterSimulator simulator = new ClusterSimulator(scenario, api.client());
        simulator.start();
        return new KarpenterDemo(scenario, api, simulator);
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.register(ClusterWatch.class, target -> {
            ClusterWatch w = new InformerClusterWatch(
                    api.provider(), scenario.realClock(), ClusterWatches.SYNC_TIMEOUT, ClusterWatches.WATCH_GRACE);
            watches.add(w);
            return w;
        });
    }

    @Override
    public void close() {
        simulator.close();
        watches.forEach(ClusterWatch::close);
        api.close();
    }
}
