package io.tierlens.core.config;

import java.util.Map;

/**
 * A checked configuration: the core part and each exporter's own section bound to its module's record.
 *
 * @param source file name (for messages)
 * @param core everything outside {@code exporters:}
 * @param exporters exporter name → its settings record (every known exporter, with defaults when absent)
 */
public record LoadedConfig(String source, TierlensConfig core, Map<String, ExporterSettings> exporters) {
    public LoadedConfig {
        exporters = Map.copyOf(exporters);
    }

    /** The same configuration with only the named exporters left (the others are not run at all). */
    public LoadedConfig only(java.util.Set<String> names) {
        Map<String, ExporterSettings> kept = new java.util.LinkedHashMap<>(exporters);
        kept.keySet().retainAll(names);
        return new LoadedConfig(source, core, kept);
    }

    public <C extends ExporterSettings> C exporter(String name, Class<C> type) {
        return type.cast(exporters.get(name));
    }
}
