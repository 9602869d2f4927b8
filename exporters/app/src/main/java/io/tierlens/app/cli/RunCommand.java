package io.tierlens.app.cli;

import io.tierlens.app.ha.Coordination;
import io.tierlens.app.wiring.LiveEnvironmentFactory;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.TierlensProcess;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tierlens run --config FILE}: the real thing. */
@Command(name = "run", description = "Run the enabled exporters against AWS, Kubernetes and Redis as configured.")
public final class RunCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "YAML configuration file.")
    Path config;

    @Option(
            names = {"-p", "--port"},
            description = "Port for /metrics (overrides server.port).")
    Integer port;

    @Option(
            names = "--web-config-file",
            description = "Web configuration file in Prometheus exporter-toolkit format: TLS, basic auth, headers"
                    + " (overrides server.web_config_file). See docs/security.md.")
    Path webConfigFile;

    @Option(
            names = "--shard-index",
            description = "This process's shard, 0 to sharding.shards - 1 (overrides sharding.index and the"
                    + " StatefulSet ordinal). See docs/scaling.md.")
    Integer shardIndex;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        if (port != null && (port < 0 || port > 65_535)) {
            // Checked before anything starts: the HTTP server used to refuse it after the exporters were running.
            return Configs.report(
                    new ConfigException(
                            config.toString(),
                            List.of(new ConfigError(
                                    "--port", port + " is out of range", "use 1-65535 (0 picks a free port)"))),
                    spec.commandLine().getErr());
        }
        List<ExporterModule<?>> modules = Modules.all();
        TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
            @Override
            public LoadedConfig load() throws ConfigException {
                return Configs.load(modules, config);
            }

            @Override
            public boolean reloadable() {
                return true;
            }
        };
        try {
            TierlensProcess process = TierlensProcess.start(
                    modules,
                    new LiveEnvironmentFactory(Clock.systemUTC()),
                    source,
                    Clock.systemUTC(),
                    port,
                    webConfigFile,
                    Coordination.live(shardIndex));
            return Serve.untilShutdown(process);
        } catch (ConfigException e) {
            return Configs.report(e, spec.commandLine().getErr());
        }
    }
}
