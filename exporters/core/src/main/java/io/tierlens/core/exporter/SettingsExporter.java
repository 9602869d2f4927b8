package io.tierlens.core.exporter;

import io.tierlens.core.config.ExporterSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * An exporter whose name is its module's and whose schedule is its config section's {@code refresh} and
 * {@code max_staleness}: what every exporter would otherwise write out as three one-line methods.
 */
public abstract class SettingsExporter implements Exporter {
    private final String name;
    private final ExporterSettings settings;

    protected SettingsExporter(String name, ExporterSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Duration refreshInterval() {
        return settings.refresh();
    }

    @Override
    public final Duration maxStaleness() {
        return settings.maxStaleness();
    }
}
