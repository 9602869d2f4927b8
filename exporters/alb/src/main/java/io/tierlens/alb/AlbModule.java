package io.tierlens.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.client.SdkAlbApi;
import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.discovery.AlbDiscovery;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The ALB exporter module: config section {@code exporters.alb}, metrics {@code tierlens_alb_*}. */
public final class AlbModule implements ExporterModule<AlbConfig> {
    public static final String NAME = "alb";
    public static final String LOAD_BALANCER = "load_balancer";
    public static final String TARGET_GROUP = "target_group";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AlbConfig> configType() {
        return AlbConfig.class;
    }

    @Override
    public Exporter create(AlbConfig config, ExporterEnvironment env) {
        return new AlbExporter(config, env, apis(env));
    }

    /** The ELBv2 client per target: the real SDK client in production, the simulation in the demo. */
    static Function<AwsTarget, AlbApi> apis(ExporterEnvironment env) {
        return target -> env.clients()
                .get(
                        AlbApi.class,
                        target,
                        t -> new SdkAlbApi(env.clients().factory().build(ElasticLoadBalancingV2Client.builder(), t)));
    }

    @Override
    public List<String> inventoryKinds() {
        return List.of(LOAD_BALANCER, TARGET_GROUP);
    }

    /**
     * Queries for {@code load_balancer} ALBs and {@code target_group} target groups. The offline plan has no
     * {@code cloudwatch:} section at hand, so it uses the default period; the period does not change the count.
     */
    @Override
    public List<MetricQuery> plannedQueries(AlbConfig config, Map<String, Integer> inventory) {
        int lbs = inventory.getOrDefault(LOAD_BALANCER, 0);
        int tgs = inventory.getOrDefault(TARGET_GROUP, 0);
        Duration period = new CloudWatchConfig(null, null, null, null, null).period();
        return new AlbQueries(config, period).queries(AlbQueries.sizedInventory(lbs, tgs));
    }

    @Override
    public List<MetricQuery> discoverQueries(AlbConfig config, ExporterEnvironment env, AwsTarget target) {
        AlbDiscovery discovery = new AlbDiscovery(config, target, apis(env).apply(target), env.clock());
        return new AlbQueries(config, env.cloudWatch().config().period()).queries(discovery.discover());
    }
}
