package io.tierlens.demo.cli;

import io.tierlens.app.cli.Configs;
import io.tierlens.app.cli.LoggingOptions;
import io.tierlens.app.cli.Serve;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.TierlensProcess;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.demo.DemoEnvironmentFactory;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.batch.DemoPushgateway;
import io.tierlens.demo.batch.NightlyJobStory;
import io.tierlens.demo.fault.DemoFaults;
import io.tierlens.demo.fault.FaultFile;
import io.tierlens.demo.session.SessionLayout;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tierlens-demo demo}: every exporter against a simulated account and cluster. */
@Command(
        name = "demo",
        description = "Run every exporter against a simulated account (123456789012) and cluster. Nothing is real;"
                + " tierlens_build_info{mode=\"demo\"} says so.")
public final class DemoCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @Option(
            names = {"-p", "--port"},
            defaultValue = "9469",
            description = "Port for /metrics (default 9469).")
    int port;

    @Option(
            names = "--speed",
            defaultValue = "1",
            description = "Scenario minutes per real minute (default 1). 30 plays the 30-minute story in one minute.")
    double speed;

    @Option(
            names = "--scale",
            defaultValue = "2",
            description = "Number of simulated ALBs (default 2); other resources scale with it. Benchmarks use 200.")
    int scale;

    @Option(
            names = "--pushgateway-port",
            defaultValue = "9091",
            description = "Port of the demo's read-only Pushgateway (default 9091, 0: a free port): /metrics and"
                    + " /api/v1/metrics hold the simulated batch jobs' groups as tierlens run-job pushes them. Scrape"
                    + " it with honor_labels like a real Pushgateway.")
    int pushgatewayPort;

    @Option(
            names = "--aws-latency",
            defaultValue = "0s",
            description = "Delay added to every simulated AWS call, e.g. 5s: shows that a slow AWS side never slows"
                    + " /metrics (used by the benchmarks).")
    String awsLatency;

    @Option(
            names = "--fault-file",
            paramLabel = "PATH",
            description = "Demo only: read PATH every second; its lines aws=down and redis=down take the simulated AWS"
                    + " APIs (unreachable) and the embedded redis-server (stopped) away until the line is removed"
                    + " or says up. Shows tierlens_target_up and TierlensExporterDown.")
    Path faultFile;

    @Option(
            names = "--session-layout",
            defaultValue = "indexed",
            description = "Spring Session key layout the simulator writes: plain (Boot 3 default), indexed (default)"
                    + " or indexed-zset.")
    String sessionLayout;

    @Option(
            names = "--only",
            split = ",",
            description = "Run only these exporters, e.g. --only alb (benchmarks measure one exporter this way).")
    java.util.Set<String> only = java.util.Set.of();

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        if (speed <= 0 || scale < 1 || pushgatewayPort < 0 || pushgatewayPort > 65535) {
            spec.commandLine()
                    .getErr()
                    .println("--speed must be positive, --scale at least 1 and --pushgateway-port 0 to 65535");
            return Configs.INVALID;
        }
        var latency = io.tierlens.core.config.Durations.parse(awsLatency);
        if (latency.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("--aws-latency: expected a duration like 5s, got \"" + awsLatency + "\"");
            return Configs.INVALID;
        }
        var layout = SessionLayout.parse(sessionLayout);
        if (layout.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "--session-layout: expected plain, indexed or indexed-zset, got \"" + sessionLayout + "\"");
            return Configs.INVALID;
        }
        List<ExporterModule<?>> modules = Modules.all();
        List<String> known = modules.stream().map(ExporterModule::name).toList();
        List<String> unknown = only.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            spec.commandLine().getErr().println("--only: unknown exporter(s) " + unknown + "; known: " + known);
            return Configs.INVALID;
        }
        Clock clock = Clock.systemUTC();
        Scenario scenario = Scenario.startingNow(clock, speed, scale);
        TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
            @Override
            public LoadedConfig load() throws ConfigException {
                LoadedConfig all = DemoConfig.load(modules, speed);
                return only.isEmpty() ? all : all.only(only);
            }

            @Override
            public boolean reloadable() {
                return false;
            }
        };
        log.info(
                "DEMO MODE: simulated account {} and cluster, speed {}x, {} ALB(s). No real system is observed.",
                DemoEnvironmentFactory.DEMO_ACCOUNT,
                speed,
                scale);
        DemoFaults faults = new DemoFaults();
        // before the exporters: the DR exporter reads it from its first refresh on
        Optional<DemoPushgateway> pushgateway = startPushgateway(scenario, clock);
        try {
            TierlensProcess process = TierlensProcess.start(
                    modules,
                    new DemoEnvironmentFactory(
                            clock,
                            scenario,
                            modules,
                            DemoModules.all(layout.get(), pushgateway.map(DemoPushgateway::localUri)),
                            latency.get(),
                            faults),
                    source,
                    clock,
                    port);
            // started after the exporters so that the redis-server it may stop already exists
            try (FaultFile watched = faultFile == null ? null : new FaultFile(faultFile, faults).start()) {
                return Serve.untilShutdown(process);
            }
        } finally {
            pushgateway.ifPresent(DemoPushgateway::close);
        }
    }

    /**
     * The demo's Pushgateway, or none when its port is taken (a real Pushgateway often listens on 9091): the demo
     * still runs, the DR exporter then gets the story's groups directly, and the log says how to get the endpoint.
     */
    private Optional<DemoPushgateway> startPushgateway(Scenario scenario, Clock clock) throws IOException {
        try {
            return Optional.of(DemoPushgateway.start(new NightlyJobStory(scenario), clock, pushgatewayPort));
        } catch (BindException e) {
            log.warn(
                    "port {} is in use: the demo runs without its Pushgateway endpoint (dashboard 010 stays empty);"
                            + " choose another with --pushgateway-port",
                    pushgatewayPort);
            return Optional.empty();
        }
    }
}
