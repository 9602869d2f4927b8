package io.tierlens.demo.cli;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's embedded configuration, {@code demo.yaml} in this jar, bound by the production config loader.
 *
 * <p>The DR site's RPO and RTO targets are scenario durations: the batch story's times are scaled by {@code --speed},
 * so the targets are too ({@code ${TIERLENS_DEMO_DR_RPO_TARGET}}, {@code ${TIERLENS_DEMO_DR_RTO_TARGET}}); otherwise at
 * {@code --speed 30} the dump's age (at most 46 real seconds) could never pass a 15-minute target.
 */
public final class DemoConfig {
    static final Duration DR_RPO_TARGET = Duration.ofMinutes(15);
    static final Duration DR_RTO_TARGET = Duration.ofMinutes(10);

    private DemoConfig() {}

    public static LoadedConfig load(List<ExporterModule<?>> modules) throws ConfigException {
        return load(modules, 1);
    }

    public static LoadedConfig load(List<ExporterModule<?>> modules, double speed) throws ConfigException {
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml missing from the jar");
            }
            Map<String, String> scaled = Map.of(
                    "TIERLENS_DEMO_DR_RPO_TARGET", scaledSeconds(DR_RPO_TARGET, speed),
                    "TIERLENS_DEMO_DR_RTO_TARGET", scaledSeconds(DR_RTO_TARGET, speed));
            ConfigLoader loader = new ConfigLoader(
                    Modules.configTypes(modules), name -> scaled.getOrDefault(name, System.getenv(name)));
            return loader.loadText("demo.yaml (embedded)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded demo.yaml", e);
        }
    }

    /** A scenario duration in real time at {@code speed}, as a config duration in whole seconds (at least 1 s). */
    static String scaledSeconds(Duration scenario, double speed) {
        return Math.max(1, Math.round(scenario.toMillis() / speed / 1000.0)) + "s";
    }
}
