package io.tierlens.app.cli;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loading configs the same way in every command, and printing their errors the same way. */
final class Configs {
    /** Exit code for an invalid configuration (distinct from 1, a runtime failure). */
    static final int INVALID = 2;

    private Configs() {}

    static ConfigLoader loader(List<ExporterModule<?>> modules) {
        return new ConfigLoader(Modules.configTypes(modules), System::getenv);
    }

    static LoadedConfig load(List<ExporterModule<?>> modules, Path file) throws ConfigException {
        return loader(modules).load(file);
    }

    static LoadedConfig demo(List<ExporterModule<?>> modules) throws ConfigException {
        return demo(modules, Map.of());
    }

    /** The embedded demo configuration; {@code settings} answer its {@code ${...}} placeholders before the environment. */
    static LoadedConfig demo(List<ExporterModule<?>> modules, Map<String, String> settings) throws ConfigException {
        try (InputStream in = Configs.class.getResourceAsStream("/demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml missing from the jar");
            }
            ConfigLoader loader = new ConfigLoader(
                    Modules.configTypes(modules), name -> settings.getOrDefault(name, System.getenv(name)));
            return loader.loadText("demo.yaml (embedded)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded demo.yaml", e);
        }
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
