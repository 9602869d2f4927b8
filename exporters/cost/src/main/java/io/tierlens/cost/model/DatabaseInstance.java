package io.tierlens.cost.model;

/**
 * An RDS instance as the cost model needs it.
 *
 * @param engine RDS engine id ({@code mysql}, {@code postgres}, {@code mariadb}, ...)
 * @param storageGb allocated storage in GB (gp2/gp3)
 */
public record DatabaseInstance(
        String name, String instanceClass, String engine, boolean multiAz, double storageGb, String tier) {}
