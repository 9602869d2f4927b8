package io.tierlens.dr;

import io.tierlens.dr.client.ArmApi;
import io.tierlens.dr.client.DumpStoreApi;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure side's external systems, behind their interfaces.
 *
 * @param arm the DR site's resource group; empty when no subscription is configured
 * @param dumps one lister per configured dump store, by store name
 */
public record AzureClients(Optional<ArmApi> arm, Map<String, DumpStoreApi> dumps) {
    public static final AzureClients NONE = new AzureClients(Optional.empty(), Map.of());

    public AzureClients {
        dumps = Map.copyOf(dumps);
    }
}
