package io.tierlens.cost.model;

import java.util.Optional;

/**
 * An RDS instance as the cost model needs it.
 *
 * @param engine RDS engine id ({@code mysql}, {@code postgres}, {@code mariadb}, ...)
 * @param storageType {@code gp2}, {@code gp3}, {@code io1}, {@code io2}, {@code standard}, {@code aurora}
 * @param storageGb allocated storage in GB
 * @param provisionedIops billed provisioned IOPS (io1/io2); empty when none
 */
public record DatabaseInstance(
        String name,
        String instanceClass,
        String engine,
        boolean multiAz,
        String storageType,
        double storageGb,
        Optional<Integer> provisionedIops,
        String tier,
        Source source) {

    /** A configured gp3 instance without provisioned IOPS. */
    public DatabaseInstance(
            String name, String instanceClass, String engine, boolean multiAz, double storageGb, String tier) {
        this(name, instanceClass, engine, multiAz, "gp3", storageGb, Optional.empty(), tier, Source.CONFIGURED);
    }

    /** Whether RDS bills the provisioned IOPS on their own (io1/io2; gp3 includes its baseline). */
    public boolean billedIops() {
        return provisionedIops.isPresent() && (storageType.equals("io1") || storageType.equals("io2"));
    }
}
