package io.tierlens.app.wiring;

import io.tierlens.core.exporter.ExporterEnvironment;
import java.util.List;

/**
 * An {@link ExporterEnvironment} plus what must be closed with it (AWS HTTP clients, the demo's embedded
 * servers). Built anew for each configuration so a reload never mixes old and new settings.
 */
public record RuntimeEnvironment(ExporterEnvironment env, List<AutoCloseable> resources) implements AutoCloseable {

    public RuntimeEnvironment {
        resources = List.copyOf(resources);
    }

    @Override
    public void close() {
        for (AutoCloseable r : reversedResources()) {
            try {
                r.close();
            } catch (Exception e) {
                // shutting down; a resource that fails to close has nothing left to serve
            }
        }
    }

    private List<AutoCloseable> reversedResources() {
        List<AutoCloseable> r = new java.util.ArrayList<>(resources);
        java.util.Collections.reverse(r);
        return r;
    }
}
