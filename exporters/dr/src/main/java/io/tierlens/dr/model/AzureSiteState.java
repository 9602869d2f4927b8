package io.tierlens.dr.model;

import java.util.List;

/**
 * The Azure DR site as one refresh saw it (read now, or kept from the last good read within max staleness).
 *
 * @param site the {@code site} label of the Azure side
 * @param dumps one state per configured dump store
 * @param resources the VMs and MySQL servers of the site's resource group
 */
public record AzureSiteState(String site, List<DumpStoreState> dumps, List<SiteResource> resources) {
    public static final AzureSiteState NONE = new AzureSiteState("", List.of(), List.of());

    public AzureSiteState {
        dumps = List.copyOf(dumps);
        resources = List.copyOf(resources);
    }
}
