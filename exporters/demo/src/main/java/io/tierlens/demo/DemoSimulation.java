package io.tierlens.demo;

import java.util.List;

/**
 * What an exporter module contributes to {@code tierlens demo}: simulations of its client interfaces and of
 * its CloudWatch namespaces. Simulations live only behind client interfaces; the exporter code above them
 * is the production code.
 */
public interface DemoSimulation {

    /** Registers simulated clients (e.g. {@code AlbApi}) in {@code clients}. */
    void install(DemoApiClients clients);

    /** CloudWatch namespaces this module simulates. */
    default List<SimulatedMetricSource> metricSources() {
        return List.of();
    }
}
