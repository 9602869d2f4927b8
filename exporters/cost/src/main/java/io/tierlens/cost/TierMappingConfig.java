package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.util.Map;

/**
 * {@code exporters.cost.tier_mapping:} which tier a discovered resource belongs to. A resource's AWS tag
 * {@code tag} (default {@code tierlens.io/tier}) wins when its value is a tier; else an ALB made for an Ingress
 * takes the tier of the Ingress's namespace from {@code namespaces}; else the component's default (ALB web, RDS
 * db, NAT gateway and control plane shared). Tag values that are not a tier are ignored, so the {@code tier}
 * label stays bounded.
 *
 * @param tag the AWS tag key whose value names the tier; "" turns tag mapping off
 * @param namespaces Kubernetes namespace → tier, for ALBs of the AWS Load Balancer Controller
 */
public record TierMappingConfig(String tag, Map<String, String> namespaces) implements ConfigChecked {
    public static final String DEFAULT_TAG = "tierlens.io/tier";

    public TierMappingConfig {
        tag = tag == null ? DEFAULT_TAG : tag;
        namespaces = namespaces == null ? Map.of() : Map.copyOf(namespaces);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        namespaces.forEach((ns, tier) -> InventoryConfig.checkTier(
                tier, ConfigProblems.join(ConfigProblems.join(path, "namespaces"), ns), problems));
    }
}
