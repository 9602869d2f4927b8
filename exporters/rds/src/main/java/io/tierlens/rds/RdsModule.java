package io.tierlens.rds;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.rds.client.QueryRdsApi;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.collector.RdsQueries;
import io.tierlens.rds.discovery.InstanceClassMemory;
import io.tierlens.rds.discovery.RdsDiscovery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The RDS exporter module: config section {@code exporters.rds}, metrics {@code tierlens_rds_*}. */
public final class RdsModule implements ExporterModule<RdsConfig> {
    public static final String NAME = "rds";
    public static final String DB_INSTANCE = "db_instance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RdsConfig> configType() {
        return RdsConfig.class;
    }

    @Override
    public Exporter create(RdsConfig config, ExporterEnvironment env) {
        return new RdsExporter(config, env, apis(env));
    }

    /** The RDS client per target: the Query-protocol client in production, the simulation in the demo. */
    static Function<AwsTarget, RdsApi> apis(ExporterEnvironment env) {
        return target -> env.clients()
                .get(
                        RdsApi.class,
                        target,
                        t -> new QueryRdsApi(env.clients().factory().query(QueryService.RDS, t)));
    }

    @Override
    public List<String> inventoryKinds() {
        return List.of(DB_INSTANCE);
    }

    /**
     * Queries for {@code db_instance} instances (available, standalone, gp3: 13 each). The offline plan has no
     * {@code cloudwatch:} section at hand, so it uses the default period; the period does not change the count.
     */
    @Override
    public List<MetricQuery> plannedQueries(RdsConfig config, Map<String, Integer> inventory) {
        Duration period = new CloudWatchConfig(null, null, null, null, null).period();
        return new RdsQueries(config, period)
                .queries(RdsQueries.sizedInventory(inventory.getOrDefault(DB_INSTANCE, 0)));
    }

    @Override
    public List<MetricQuery> discoverQueries(RdsConfig config, ExporterEnvironment env, AwsTarget target) {
        RdsDiscovery discovery =
                new RdsDiscovery(config, target, apis(env).apply(target), env.clock(), InstanceClassMemory.bundled());
        return new RdsQueries(config, env.cloudWatch().config().period())
                .queries(discovery.discover().inventory());
    }
}
