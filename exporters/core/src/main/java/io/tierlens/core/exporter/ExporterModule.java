package io.tierlens.core.exporter;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.ExporterSettings;
import java.util.List;
import java.util.Map;

/**
 * The entry point of an exporter module ({@code exporters/alb}, ...): its name, config record and factory.
 * The app lists the modules it ships; core knows them only through this interface.
 */
public interface ExporterModule<C extends ExporterSettings> {

    /** Name of the config section under {@code exporters:} and of the {@code exporter} label. */
    String name();

    Class<C> configType();

    Exporter create(C config, ExporterEnvironment env);

    /**
     * Resource kinds this module counts for {@code tierlens plan --offline --inventory kind=N,...}, e.g.
     * {@code load_balancer}, {@code target_group}. Empty for exporters that do not use CloudWatch.
     */
    default List<String> inventoryKinds() {
        return List.of();
    }

    /** CloudWatch queries per refresh for an inventory of the given size (offline plan). */
    default List<MetricQuery> plannedQueries(C config, Map<String, Integer> inventory) {
        return List.of();
    }

    /** CloudWatch queries per refresh for what discovery finds now in {@code target} (online plan). */
    default List<MetricQuery> discoverQueries(C config, ExporterEnvironment env, AwsTarget target) throws Exception {
        return List.of();
    }
}
