package io.tierlens.app.demo;

import io.tierlens.app.wiring.EnvironmentFactory;
import io.tierlens.app.wiring.RuntimeEnvironment;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.demo.DemoApiClients;
import io.tierlens.core.demo.DemoSimulation;
import io.tierlens.core.demo.Scenario;
import io.tierlens.core.demo.SimulatedCloudWatch;
import io.tierlens.core.demo.SimulatedMetricSource;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo boundary: every client interface answered by the modules' simulations, all following one
 * {@link Scenario}. Above this boundary everything is the production code path.
 */
public final class DemoEnvironmentFactory implements EnvironmentFactory {
    /** The simulated account; documented in README so nobody mistakes demo data for theirs. */
    public static final String DEMO_ACCOUNT = "123456789012";

    private final Clock clock;
    private final Scenario scenario;
    private final List<ExporterModule<?>> modules;
    private final Duration injectedLatency;

    /**
     * @param injectedLatency added to every simulated AWS call ({@code --aws-latency}); zero for none
     */
    public DemoEnvironmentFactory(
            Clock clock, Scenario scenario, List<ExporterModule<?>> modules, Duration injectedLatency) {
        this.clock = clock;
        this.scenario = scenario;
        this.modules = List.copyOf(modules);
        this.injectedLatency = injectedLatency;
    }

    @Override
    public RuntimeEnvironment create(LoadedConfig config, SelfMetrics self) {
        DemoApiClients clients = new DemoApiClients(injectedLatency);
        List<SimulatedMetricSource> sources = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        for (ExporterModule<?> m : modules) {
            ExporterSettings settings = config.exporters().get(m.name());
            if (settings == null || !settings.enabled()) {
                continue;
            }
            DemoSimulation sim = demo(m, settings, self);
            sim.install(clients);
            sources.addAll(sim.metricSources());
            if (sim instanceof AutoCloseable c) {
                resources.add(c);
            }
        }
        SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(sources, self);
        clients.register(CloudWatchApi.class, t -> cloudWatch);
        List<AwsTarget> targets = new ArrayList<>();
        for (String region : config.core().regions()) {
            targets.add(AwsTarget.defaultCredentials(DEMO_ACCOUNT, region));
        }
        CloudWatchPlanner planner = new CloudWatchPlanner(
                config.core().cloudwatch(), t -> clients.get(CloudWatchApi.class, t, x -> cloudWatch), clock, self);
        return new RuntimeEnvironment(new ExporterEnvironment(clock, targets, clients, planner, self), resources);
    }

    private <C extends ExporterSettings> DemoSimulation demo(
            ExporterModule<C> m, ExporterSettings s, SelfMetrics self) {
        return m.demo(m.configType().cast(s), scenario, self);
    }

    @Override
    public String mode() {
        return "demo";
    }
}
