package io.tierlens.app.wiring;

import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.metrics.SelfMetrics;

/** Builds the boundary the exporters talk to: real AWS ({@link LiveEnvironmentFactory}) or the demo's simulation. */
public interface EnvironmentFactory {
    RuntimeEnvironment create(LoadedConfig config, SelfMetrics self);

    /** {@code live} or {@code demo}, the {@code mode} label of {@code tierlens_build_info}. */
    String mode();
}
