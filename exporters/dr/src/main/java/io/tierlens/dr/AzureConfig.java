package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code exporters.dr.azure:} — the DR site on Azure: its resources (VM, MySQL flexible server) through Azure
 * Resource Manager and the newest database dump in Blob storage. Off until a subscription or a dump store is set.
 *
 * @param site the {@code site} label of the Azure side, default {@code dr}
 * @param auth how to sign in (workload identity by default)
 * @param resourceManager the resource group whose readiness is reported
 * @param dumps where the dumps arrive
 */
public record AzureConfig(
        String site, AzureAuthConfig auth, ResourceManagerConfig resourceManager, List<DumpStoreConfig> dumps)
        implements ConfigChecked {
    public AzureConfig {
        site = site == null || site.isBlank() ? "dr" : site.strip();
        auth = auth == null ? new AzureAuthConfig(null, null, null, null, null, null, null) : auth;
        resourceManager = resourceManager == null
                ? new ResourceManagerConfig(null, null, null, null, null, null)
                : resourceManager;
        dumps = dumps == null ? List.of() : List.copyOf(dumps);
    }

    /** No Azure side configured. */
    public static AzureConfig none() {
        return new AzureConfig(null, null, null, null);
    }

    public boolean enabled() {
        return resourceManager.enabled() || !dumps.isEmpty();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        Set<String> stores = new HashSet<>();
        for (int i = 0; i < dumps.size(); i++) {
            if (!stores.add(dumps.get(i).store())) {
                problems.add(
                        ConfigProblems.join(path, "dumps") + "[" + i + "].store",
                        "store \"" + dumps.get(i).store() + "\" is listed twice",
                        "give each dump store one name");
            }
        }
    }
}
