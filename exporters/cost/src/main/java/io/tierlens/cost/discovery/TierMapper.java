package io.tierlens.cost.discovery;

import io.tierlens.cost.TierMappingConfig;
import io.tierlens.cost.model.Tier;
import java.util.Map;

/** {@link TierMappingConfig} applied: the tier of a discovered resource from its tags and Ingress. */
public final class TierMapper {
    private final TierMappingConfig config;

    public TierMapper(TierMappingConfig config) {
        this.config = config;
    }

    /** The tier the resource's tag names, else {@code fallback}. */
    public String ofTags(Map<String, String> tags, String fallback) {
        if (config.tag().isEmpty()) {
            return fallback;
        }
        String v = tags.get(config.tag());
        return v != null && Tier.ALL.contains(v) ? v : fallback;
    }

    /**
     * An ALB's tier: its tag, else the tier of its Ingress's namespace ({@code namespace/name}; an IngressGroup
     * name has no namespace), else web.
     */
    public String ofLoadBalancer(Map<String, String> tags, String ingress) {
        int slash = ingress.indexOf('/');
        String byNamespace = slash > 0 ? config.namespaces().get(ingress.substring(0, slash)) : null;
        return ofTags(tags, byNamespace != null ? byNamespace : Tier.WEB);
    }
}
