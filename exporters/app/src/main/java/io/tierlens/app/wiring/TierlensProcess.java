package io.tierlens.app.wiring;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.http.ReloadOutcome;
import io.tierlens.core.http.TierlensHttpServer;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.web.WebConfig;
import io.tierlens.core.web.WebConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running tierlens: one registry (self-metrics, JVM metrics, build info, the exporter suite), the HTTP
 * server and the background refreshes. A reload builds a complete new suite next to the old one and swaps
 * it in only when the new configuration is valid.
 */
public final class TierlensProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TierlensProcess.class);

    /** Re-reads the configuration for {@code /-/reload}. */
    public interface ConfigSource {
        LoadedConfig load() throws ConfigException;

        boolean reloadable();
    }

    private final List<ExporterModule<?>> modules;
    private final EnvironmentFactory environments;
    private final ConfigSource source;
    private final Clock clock;
    private final SelfMetrics self;
    private final ExporterSuite.SuiteCollector collector;
    private final TierlensHttpServer http;
    private RuntimeEnvironment environment;

    private TierlensProcess(
            List<ExporterModule<?>> modules,
            EnvironmentFactory environments,
            ConfigSource source,
            LoadedConfig config,
            Clock clock,
            Integer portOverride,
            WebConfig web)
            throws IOException {
        this.modules = modules;
        this.environments = environments;
        this.source = source;
        this.clock = clock;
        // Before any simulator or client starts a JDK HTTP server, which would fix the limits at their defaults.
        TierlensHttpServer.applyLimits(config.core().server());
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        this.self = new SelfMetrics(registry);
        registry.register(BuildInfo.load().collector(environments.mode()));
        this.environment = environments.create(config, self);
        ExporterSuite suite = SuiteBuilder.build(config, environment.env(), modules, clock);
        this.collector = new ExporterSuite.SuiteCollector(suite);
        registry.register(collector);
        suite.start();
        int port = portOverride != null ? portOverride : config.core().server().port();
        this.http = TierlensHttpServer.builder()
                .settings(config.core().server())
                .port(port)
                .web(web)
                .registry(registry)
                .exporterData(collector::renderedData)
                .readiness(() -> collector.current().notReady())
                .reload(this::reload)
                .landingPage(LandingPage.html(environments.mode(), names(suite)))
                .start();
        log.info(
                "tierlens {} serving {}://{}:{}/metrics with exporters [{}]",
                environments.mode(),
                web.tls().isPresent() ? "https" : "http",
                config.core().server().host(),
                http.port(),
                String.join(", ", names(suite)));
    }

    public static TierlensProcess start(
            List<ExporterModule<?>> modules,
            EnvironmentFactory environments,
            ConfigSource source,
            Clock clock,
            Integer portOverride)
            throws ConfigException, IOException {
        return start(modules, environments, source, clock, portOverride, null);
    }

    /**
     * @param webConfigOverride {@code --web-config-file}; null: {@code server.web_config_file} of the configuration
     * @throws ConfigException also for an invalid web configuration file (named in the errors)
     */
    public static TierlensProcess start(
            List<ExporterModule<?>> modules,
            EnvironmentFactory environments,
            ConfigSource source,
            Clock clock,
            Integer portOverride,
            Path webConfigOverride)
            throws ConfigException, IOException {
        LoadedConfig config = source.load();
        String file = webConfigOverride != null
                ? webConfigOverride.toString()
                : config.core().server().webConfigFile();
        WebConfig web = file == null ? WebConfig.NONE : WebConfigFile.load(Path.of(file));
        return new TierlensProcess(modules, environments, source, config, clock, portOverride, web);
    }

    public int port() {
        return http.port();
    }

    public ExporterSuite suite() {
        return collector.current();
    }

    synchronized ReloadOutcome reload() {
        if (!source.reloadable()) {
            return ReloadOutcome.refused(List.of("the demo runs an embedded configuration; restart it to change it"));
        }
        LoadedConfig next;
        try {
            next = source.load();
        } catch (ConfigException e) {
            log.warn(
                    "reload refused, keeping the running configuration: {} error(s)",
                    e.errors().size());
            e.lines().forEach(l -> log.warn("{}", l));
            return ReloadOutcome.refused(e.lines());
        }
        RuntimeEnvironment nextEnv = environments.create(next, self);
        ExporterSuite suite = SuiteBuilder.build(next, nextEnv.env(), modules, clock);
        suite.start();
        ExporterSuite previous = collector.swap(suite);
        previous.close();
        RuntimeEnvironment previousEnv = environment;
        environment = nextEnv;
        previousEnv.close();
        log.info("configuration reloaded; exporters [{}]", String.join(", ", names(suite)));
        return ReloadOutcome.ok();
    }

    private static List<String> names(ExporterSuite suite) {
        return suite.runners().stream().map(ExporterRunner::name).collect(Collectors.toList());
    }

    @Override
    public synchronized void close() {
        http.close();
        collector.current().close();
        environment.close();
    }
}
