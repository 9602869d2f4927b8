package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code exporters.dr.azure.resource_manager:} — the DR site's resource group, read through Azure Resource
 * Manager (Reader on the group is enough).
 *
 * @param endpoint default {@code https://management.azure.com} (sovereign clouds have their own)
 * @param subscriptionId the subscription of the DR site; empty turns site readiness off
 * @param resourceGroup the resource group holding the DR VM and database
 * @param virtualMachines VM names to report; empty (default) reports every VM of the group
 * @param mysqlServers MySQL flexible server names to report; empty (default) reports every server of the group
 * @param timeout limit for each ARM request including its body, default 10s
 */
public record ResourceManagerConfig(
        String endpoint,
        String subscriptionId,
        String resourceGroup,
        List<String> virtualMachines,
        List<String> mysqlServers,
        Duration timeout)
        implements ConfigChecked {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    public ResourceManagerConfig {
        endpoint = endpoint == null || endpoint.isBlank() ? "https://management.azure.com" : endpoint.strip();
        subscriptionId = subscriptionId == null ? "" : subscriptionId.strip();
        resourceGroup = resourceGroup == null ? "" : resourceGroup.strip();
        virtualMachines = virtualMachines == null ? List.of() : List.copyOf(virtualMachines);
        mysqlServers = mysqlServers == null ? List.of() : List.copyOf(mysqlServers);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean enabled() {
        return !subscriptionId.isEmpty();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!enabled()) {
            return;
        }
        if (!GUID.matcher(subscriptionId).matches()) {
            problems.add(
                    ConfigProblems.join(path, "subscription_id"),
                    "not a subscription id",
                    "use the GUID shown by az account show --query id");
        }
        if (resourceGroup.isEmpty()) {
            problems.add(
                    ConfigProblems.join(path, "resource_group"),
                    "a subscription_id needs the resource group of the DR site",
                    "e.g. resource_group: shop-dr");
        }
        if (!endpoint.startsWith("https://")) {
            problems.add(
                    ConfigProblems.join(path, "endpoint"),
                    "Azure Resource Manager is only reached over https",
                    "the default is https://management.azure.com");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            problems.add(ConfigProblems.join(path, "timeout"), "must be longer than 0s", "the default is 10s");
        }
    }
}
