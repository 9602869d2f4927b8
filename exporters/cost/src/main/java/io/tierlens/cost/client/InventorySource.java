package io.tierlens.cost.client;

import io.tierlens.cost.model.Inventory;

/**
 * Where the cost model learns which ALBs, RDS instances, NAT gateways and EBS volumes exist. Today it is fed
 * from the config ({@link ConfiguredInventory}); the ALB and RDS exporters' discovery can implement it later
 * without changing the cost model.
 */
public interface InventorySource {
    Inventory current();
}
