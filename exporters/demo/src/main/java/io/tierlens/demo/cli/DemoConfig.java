package io.tierlens.demo.cli;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The demo's embedded configuration, {@code demo.yaml} in this jar, bound by the production config loader. */
final class DemoConfig {
    private DemoConfig() {}

    static LoadedConfig load(List<ExporterModule<?>> modules) throws ConfigException {
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml missing from the jar");
            }
            ConfigLoader loader = new ConfigLoader(Modules.configTypes(modules), System::getenv);
            return loader.loadText("demo.yaml (embedded)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded demo.yaml", e);
        }
    }
}
