package io.tierlens.cost.client;

import io.tierlens.cost.InventoryConfig;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.LoadBalancerUsage;

/** {@link InventorySource} from {@code exporters.cost.inventory} in the config. */
public final class ConfiguredInventory implements InventorySource {
    private final Inventory inventory;

    public ConfiguredInventory(InventoryConfig config) {
        this.inventory = new Inventory(
                config.clusters(),
                config.loadBalancers().stream()
                        .map(l -> new LoadBalancerUsage(l.name(), l.tier(), l.lcus()))
                        .toList(),
                config.databases().stream()
                        .map(d -> new DatabaseInstance(
                                d.name(), d.instanceClass(), d.engine(), d.multiAz(), d.storageGb(), d.tier()))
                        .toList(),
                config.natGateways(),
                config.ebsGb());
    }

    @Override
    public Inventory current() {
        return inventory;
    }
}
