package io.tierlens.app.cli;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Loading configs the same way in every command, and printing their errors the same way. */
public final class Configs {
    /** Exit code for an invalid configuration (distinct from 1, a runtime failure); the demo command uses it too. */
    public static final int INVALID = 2;

    private Configs() {}

    static ConfigLoader loader(List<ExporterModule<?>> modules) {
        return new ConfigLoader(Modules.configTypes(modules), System::getenv);
    }

    static LoadedConfig load(List<ExporterModule<?>> modules, Path file) throws ConfigException {
        return loader(modules).load(file);
    }

    static int report(ConfigException e, PrintWriter err) {
        err.println("Configuration has " + e.errors().size() + " error(s):");
        for (String line : e.lines()) {
            err.println("  " + line);
        }
        err.flush();
        return INVALID;
    }
}
