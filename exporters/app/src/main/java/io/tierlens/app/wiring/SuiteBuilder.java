package io.tierlens.app.wiring;

import io.tierlens.app.scale.WorkScope;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Creates one runner per enabled exporter module. */
public final class SuiteBuilder {
    private SuiteBuilder() {}

    public static ExporterSuite build(
            LoadedConfig config, ExporterEnvironment env, List<ExporterModule<?>> modules, Clock clock) {
        return build(config, env, modules, clock, WorkScope.single());
    }

    /** Only the exporters {@code scope}'s shard runs, each with the targets it watches there. */
    public static ExporterSuite build(
            LoadedConfig config,
            ExporterEnvironment env,
            List<ExporterModule<?>> modules,
            Clock clock,
            WorkScope scope) {
        List<ExporterRunner> runners = new ArrayList<>();
        for (ExporterModule<?> m : modules) {
            ExporterSettings s = config.exporters().get(m.name());
            if (s != null && s.enabled() && scope.runs(m.name(), s)) {
                runners.add(new ExporterRunner(
                        create(m, s, scope.environmentFor(m.name(), s, env)),
                        env.self(),
                        clock,
                        config.core().maxSeries()));
            }
        }
        return new ExporterSuite(runners, clock);
    }

    public static <C extends ExporterSettings> Exporter create(
            ExporterModule<C> m, ExporterSettings s, ExporterEnvironment env) {
        return m.create(m.configType().cast(s), env);
    }
}
