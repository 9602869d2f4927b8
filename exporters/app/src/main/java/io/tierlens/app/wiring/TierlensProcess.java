package io.tierlens.app.wiring;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.app.ha.Coordination;
import io.tierlens.app.ha.LeaderMetrics;
import io.tierlens.app.ha.Leadership;
import io.tierlens.app.scale.WorkScope;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.Exporter;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running tierlens: one registry (self-metrics, JVM metrics, build info, the exporter suite), the HTTP
 * server and the background refreshes. A reload applies a valid new configuration by rebuilding only the
 * exporters it changes, each keeping its last good data meanwhile (see {@link #reload()}).
 *
 * <p>The exporters run only while this replica leads its shard ({@link Leadership}; always without
 * {@code ha.enabled}), and only the share of them its shard owns ({@link WorkScope}). A standby builds no AWS client
 * and no exporter: it serves self-metrics, and on taking over builds both and refreshes at once.
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
    private final WorkScope scope;
    private final Leadership leadership;
    private final TierlensHttpServer http;
    /** Null while this replica does not lead. */
    private RuntimeEnvironment environment;

    private boolean closed;

    private LoadedConfig config;

    private TierlensProcess(
            List<ExporterModule<?>> modules,
            EnvironmentFactory environments,
            ConfigSource source,
            LoadedConfig config,
            Clock clock,
            Integer portOverride,
            WebConfig web,
            Coordination coordination)
            throws IOException, ConfigException {
        this.modules = modules;
        this.environments = environments;
        this.source = source;
        this.clock = clock;
        this.scope = coordination.scope(config);
        // Before any simulator or client starts a JDK HTTP server, which would fix the limits at their defaults.
        TierlensHttpServer.applyLimits(config.core().server());
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        this.self = new SelfMetrics(registry);
        this.config = config;
        self.configLoaded(true, clock.instant());
        registry.register(BuildInfo.load().collector(environments.mode()));
        LeaderMetrics leaderMetrics =
                new LeaderMetrics(registry, scope.label(), config.core().ha().enabled());
        this.collector = new ExporterSuite.SuiteCollector(idle());
        registry.register(collector);
        this.leadership = coordination.leadership(config, scope, leaderMetrics, clock);
        // Without HA this starts the exporters before the server listens, as it always did.
        leadership.start(new Leadership.Listener() {
            @Override
            public void startedLeading() {
                startWork();
            }

            @Override
            public void stoppedLeading() {
                stopWork();
            }
        });
        int port = portOverride != null ? portOverride : config.core().server().port();
        this.http = TierlensHttpServer.builder()
                .settings(config.core().server())
                .port(port)
                .web(web)
                .registry(registry)
                .exporterData(collector::renderedData)
                .readiness(() -> collector.current().notReady())
                .reload(this::reload)
                .landingPage(LandingPage.html(environments.mode(), planned(config)))
                .start();
        log.info(
                "tierlens {} serving {}://{}:{}/metrics with exporters [{}]{}",
                environments.mode(),
                web.tls().isPresent() ? "https" : "http",
                config.core().server().host(),
                http.port(),
                String.join(", ", planned(config)),
                scope.shards() > 1 ? " as shard " + scope.index() + " of " + scope.shards() : "");
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
        return start(modules, environments, source, clock, portOverride, webConfigOverride, Coordination.live(null));
    }

    /**
     * @param coordination the shard and, with {@code ha.enabled}, the Lease API ({@link Coordination#live} in
     *     production)
     */
    public static TierlensProcess start(
            List<ExporterModule<?>> modules,
            EnvironmentFactory environments,
            ConfigSource source,
            Clock clock,
            Integer portOverride,
            Path webConfigOverride,
            Coordination coordination)
            throws ConfigException, IOException {
        LoadedConfig config = source.load();
        String file = webConfigOverride != null
                ? webConfigOverride.toString()
                : config.core().server().webConfigFile();
        WebConfig web = file == null ? WebConfig.NONE : WebConfigFile.load(Path.of(file));
        return new TierlensProcess(modules, environments, source, config, clock, portOverride, web, coordination);
    }

    public int port() {
        return http.port();
    }

    public ExporterSuite suite() {
        return collector.current();
    }

    /** Whether this replica does its shard's work now. */
    public boolean leads() {
        return leadership.leads();
    }

    /** Builds the AWS clients and the shard's exporters and starts refreshing at once. */
    private synchronized void startWork() {
        if (environment != null || closed) {
            return;
        }
        environment = environments.create(config, self);
        ExporterSuite suite = SuiteBuilder.build(config, environment.env(), modules, clock, scope);
        ExporterSuite previous = collector.swap(suite);
        suite.start();
        previous.close();
    }

    /**
     * Takes the exporters' data off {@code /metrics} first (so two replicas never serve the same series), then stops
     * the refreshes and closes the clients.
     */
    private synchronized void stopWork() {
        if (environment == null) {
            return;
        }
        ExporterSuite previous = collector.swap(idle());
        previous.close();
        environment.close();
        environment = null;
    }

    private ExporterSuite idle() {
        return new ExporterSuite(List.of(), clock);
    }

    /**
     * Applies the configuration file again without losing anything: exporters whose section (and the shared
     * settings) did not change carry on with their state; a changed one is rebuilt but keeps serving its last good
     * data until its new refresh replaces it, so {@code /metrics} keeps every figure and {@code /-/ready} stays 200.
     * A change that needs a restart ({@code server.*}) is refused and the running configuration stays.
     */
    synchronized ReloadOutcome reload() {
        if (!source.reloadable()) {
            return refused(List.of("the demo runs an embedded configuration; restart it to change it"));
        }
        LoadedConfig next;
        try {
            next = source.load();
        } catch (ConfigException e) {
            log.warn(
                    "reload refused, keeping the running configuration: {} error(s)",
                    e.errors().size());
            e.lines().forEach(l -> log.warn("{}", l));
            return refused(e.lines());
        }
        Optional<String> restart = ConfigChange.needsRestart(config, next);
        if (restart.isPresent()) {
            log.warn("reload refused: {}", restart.get());
            return refused(List.of(restart.get()));
        }
        if (environment == null) {
            // A standby runs nothing: it keeps the checked file and applies it when it takes over.
            config = next;
            self.configLoaded(true, clock.instant());
            log.info("configuration reloaded; applied when this replica leads");
            return ReloadOutcome.ok();
        }
        boolean sharedChanged = ConfigChange.sharedChanged(config, next);
        RuntimeEnvironment nextEnv = sharedChanged ? environments.create(next, self) : environment;
        ExporterSuite current = collector.current();
        List<ExporterRunner> runners = new ArrayList<>();
        Set<ExporterRunner> carried = new HashSet<>();
        List<String> rebuilt = new ArrayList<>();
        try {
            plan(next, sharedChanged, nextEnv, current, runners, carried, rebuilt);
        } catch (RuntimeException e) {
            // Nothing was swapped yet: the running suite goes on untouched.
            runners.stream()
                    .filter(r -> !carried.contains(r))
                    .forEach(r -> r.exporter().close());
            if (sharedChanged) {
                nextEnv.close();
            }
            log.warn("reload refused, an exporter could not be built: {}", e.toString());
            return refused(List.of("an exporter could not be built: " + e.getMessage()));
        }
        ExporterSuite suite = new ExporterSuite(runners, clock);
        // The old suite stops before the new one starts, so a carried runner never refreshes on two threads; until
        // the swap, scrapes still read the old suite, whose runners keep their data.
        current.closeExcept(carried);
        collector.swap(suite);
        suite.start();
        if (sharedChanged) {
            environment.close();
            environment = nextEnv;
        }
        config = next;
        self.configLoaded(true, clock.instant());
        log.info(
                "configuration reloaded; exporters [{}], rebuilt [{}]",
                String.join(", ", names(suite)),
                String.join(", ", rebuilt));
        return ReloadOutcome.ok();
    }

    /** Which runners the next suite has: carried over unchanged, or rebuilt keeping the previous one's data. */
    private void plan(
            LoadedConfig next,
            boolean sharedChanged,
            RuntimeEnvironment nextEnv,
            ExporterSuite current,
            List<ExporterRunner> runners,
            Set<ExporterRunner> carried,
            List<String> rebuilt) {
        for (ExporterModule<?> m : modules) {
            ExporterSettings s = next.exporters().get(m.name());
            if (s == null || !s.enabled() || !scope.runs(m.name(), s)) {
                continue;
            }
            Optional<ExporterRunner> previous = current.runners().stream()
                    .filter(r -> r.name().equals(m.name()))
                    .findFirst();
            if (previous.isPresent() && !sharedChanged && !ConfigChange.sectionChanged(config, next, m.name())) {
                runners.add(previous.get());
                carried.add(previous.get());
                continue;
            }
            Exporter exporter = SuiteBuilder.create(m, s, scope.environmentFor(m.name(), s, nextEnv.env()));
            int maxSeries = next.core().maxSeries();
            runners.add(previous.map(p -> ExporterRunner.replacing(p, exporter, self, clock, maxSeries))
                    .orElseGet(() -> new ExporterRunner(exporter, self, clock, maxSeries)));
            rebuilt.add(m.name());
        }
    }

    private ReloadOutcome refused(List<String> errors) {
        self.configLoaded(false, clock.instant());
        return ReloadOutcome.refused(errors);
    }

    private static List<String> names(ExporterSuite suite) {
        return suite.runners().stream().map(ExporterRunner::name).collect(Collectors.toList());
    }

    /** The exporters this shard runs while it leads. */
    private List<String> planned(LoadedConfig c) {
        return modules.stream()
                .filter(m -> {
                    ExporterSettings s = c.exporters().get(m.name());
                    return s != null && s.enabled() && scope.runs(m.name(), s);
                })
                .map(ExporterModule::name)
                .toList();
    }

    @Override
    public void close() {
        // Outside the lock: the election hands its last stopWork() to a thread that needs it.
        leadership.close();
        synchronized (this) {
            closed = true;
            http.close();
            stopWork();
        }
    }
}
