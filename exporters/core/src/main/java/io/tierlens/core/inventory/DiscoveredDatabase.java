package io.tierlens.core.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * An RDS DB instance as the RDS exporter found it.
 *
 * @param engine RDS engine id ({@code mysql}, {@code postgres}, ...)
 * @param storageType {@code gp2}, {@code gp3}, {@code io1}, {@code io2}, {@code standard} or {@code aurora}
 * @param allocatedStorageGib allocated storage (0 for Aurora)
 * @param provisionedIops provisioned IOPS when the instance has them (io1/io2, gp3 above its baseline)
 * @param tags the instance's tags (for tier mapping)
 */
public record DiscoveredDatabase(
        String identifier,
        String instanceClass,
        String engine,
        boolean multiAz,
        String storageType,
        int allocatedStorageGib,
        Optional<Integer> provisionedIops,
        Map<String, String> tags) {
    public DiscoveredDatabase {
        tags = Map.copyOf(tags);
    }
}
