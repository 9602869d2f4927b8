package io.tierlens.demo;

import io.tierlens.app.wiring.EnvironmentFactory;
import io.tierlens.app.wiring.RuntimeEnvironment;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.demo.fault.DemoFaults;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo boundary: every client interface answered by the exporters' simulations ({@link DemoModule}), all
 * following one {@link Scenario}. Above this boundary everything is the production code path.
 */
public final class DemoEnvironmentFactory implements EnvironmentFactory {
    /** The simulated account; documented in README so nobody mistakes demo data for theirs. */
    public static final String DEMO_ACCOUNT = "123456789012";

    private final Clock clock;
    private final Scenario scenario;
    private final List<ExporterModule<?>> modules;
    private final Map<String, DemoModule> demos;
    private final Duration injectedLatency;
    private final DemoFaults faults;

    /**
     * @param demos the simulation of each exporter in {@code modules}, by exporter name ({@link DemoModules})
     * @param injectedLatency added to every simulated AWS call ({@code --aws-latency}); zero for none
     * @param faults the sources taken away ({@code --fault-file}); nothing is down unless something sets it
     */
    public DemoEnvironmentFactory(
            Clock clock,
            Scenario scenario,
            List<ExporterModule<?>> modules,
            Map<String, DemoModule> demos,
            Duration injectedLatency,
            DemoFaults faults) {
        this.clock = clock;
        this.scenario = scenario;
        this.modules = List.copyOf(modules);
        this.demos = Map.copyOf(demos);
        this.injectedLatency = injectedLatency;
        this.faults = faults;
    }

    @Override
    public RuntimeEnvironment create(LoadedConfig config, SelfMetrics self) {
        DemoApiClients clients = new DemoApiClients(injectedLatency, faults);
        List<SimulatedMetricSource> sources = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        for (ExporterModule<?> m : modules) {
            ExporterSettings settings = config.exporters().get(m.name());
            if (settings == null || !settings.enabled()) {
                continue;
            }
            DemoModule demo = demos.get(m.name());
            if (demo == null) {
                throw new IllegalStateException("the demo has no simulation of the " + m.name() + " exporter");
            }
            DemoSimulation sim = demo.simulate(settings, scenario, self);
            sim.install(clients);
            sources.addAll(sim.metricSources());
            if (sim instanceof AutoCloseable c) {
                resources.add(c);
            }
        }
        SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(sources, self, scenario.speed());
        clients.registerAws(CloudWatchApi.class, t -> cloudWatch);
        List<AwsTarget> targets = new ArrayList<>();
        for (String region : config.core().regions()) {
            targets.add(AwsTarget.defaultCredentials(DEMO_ACCOUNT, region));
        }
        CloudWatchPlanner planner = new CloudWatchPlanner(
                config.core().cloudwatch(), t -> clients.get(CloudWatchApi.class, t, x -> cloudWatch), clock, self);
        return new RuntimeEnvironment(new ExporterEnvironment(clock, targets, clients, planner, self), resources);
    }

    @Override
    public String mode() {
        return "demo";
    }
}
