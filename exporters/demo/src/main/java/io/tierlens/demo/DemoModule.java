package io.tierlens.demo;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.exporter.ExporterModule;

/**
 * The demo's part of one exporter: simulated clients and CloudWatch data following the {@link Scenario}. Keyed by
 * the exporter's name so that the production exporters implement nothing for the demo; {@link DemoModules} lists
 * one per exporter the build ships.
 */
public interface DemoModule {

    /** {@link ExporterModule#name()} of the exporter this simulates, e.g. {@code alb}. */
    String exporter();

    /**
     * The simulation for the exporter's (demo) configuration. Simulated clients report their calls to
     * {@code recorder} like real ones do. A simulation that is {@link AutoCloseable} is closed at shutdown.
     */
    DemoSimulation simulate(ExporterSettings config, Scenario scenario, ApiCallRecorder recorder);

    /** Builds a simulation from the exporter's own config record. */
    @FunctionalInterface
    interface Factory<C extends ExporterSettings> {
        DemoSimulation create(C config, Scenario scenario, ApiCallRecorder recorder);
    }

    /** The demo of {@code exporter}: named after it, handed its config record already cast. */
    static <C extends ExporterSettings> DemoModule of(ExporterModule<C> exporter, Factory<C> factory) {
        String name = exporter.name();
        Class<C> type = exporter.configType();
        return new DemoModule() {
            @Override
            public String exporter() {
                return name;
            }

            @Override
            public DemoSimulation simulate(ExporterSettings config, Scenario scenario, ApiCallRecorder recorder) {
                return factory.create(type.cast(config), scenario, recorder);
            }
        };
    }
}
