package io.tierlens.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test-only exporter section, standing in for a real module's config record: the common settings plus one
 * field of each kind the binder supports.
 */
public record ExampleSettings(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        Integer limit,
        Mode mode,
        Duration tokenLifetime,
        List<String> names,
        Map<String, Double> weights)
        implements ExporterSettings, ConfigChecked {

    public enum Mode {
        FAST,
        SLOW_AND_STEADY
    }

    public ExampleSettings {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(5) : maxStaleness;
        limit = limit == null ? 10 : limit;
        mode = mode == null ? Mode.FAST : mode;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        names = names == null ? List.of() : names;
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        if (limit < 0) {
            problems.add(ConfigProblems.join(path, "limit"), "must not be negative", "use 0 for no limit");
        }
    }
}
