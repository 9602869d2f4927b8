package io.tierlens.app.cli;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.AccountConfig;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.Durations;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.config.TierlensConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tierlens check-config FILE}: exit 0 with a summary, or 2 with every error and its path. */
@Command(name = "check-config", description = "Check a configuration file: exit 0 and a summary, or 2 and every error.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "YAML configuration file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            LoadedConfig config = Configs.load(Modules.all(), file);
            String web = config.core().server().webConfigFile();
            if (web != null) {
                // The web configuration file fails `run` just as the main file does, so it is checked here too.
                io.tierlens.core.web.WebConfigFile.load(java.nio.file.Path.of(web));
            }
            summarize(config, out);
            return 0;
        } catch (ConfigException e) {
            return Configs.report(e, spec.commandLine().getErr());
        }
    }

    static void summarize(LoadedConfig config, PrintWriter out) {
        TierlensConfig core = config.core();
        out.println(config.source() + ": OK");
        out.println("  regions:   " + (core.regions().isEmpty() ? "(none)" : String.join(", ", core.regions())));
        for (AccountConfig a : core.accounts()) {
            // the external id is a shared secret: say whether it is set, never what it is
            out.println("  account:   " + a.displayName() + " via " + a.roleArn()
                    + (a.externalId() == null ? "" : " (external id set)")
                    + (a.regions().isEmpty() ? "" : " in " + String.join(", ", a.regions())));
        }
        out.println("  server:    " + core.server().host() + ":" + core.server().port());
        out.println("  cloudwatch: period " + Durations.format(core.cloudwatch().period()) + ", delay "
                + Durations.format(core.cloudwatch().delay()));
        for (Map.Entry<String, ExporterSettings> e : config.exporters().entrySet()) {
            ExporterSettings s = e.getValue();
            out.println("  exporter " + e.getKey() + ": "
                    + (s.enabled()
                            ? "enabled, refresh " + Durations.format(s.refresh()) + ", max staleness "
                                    + Durations.format(s.maxStaleness())
                            : "disabled"));
        }
        out.flush();
    }
}
