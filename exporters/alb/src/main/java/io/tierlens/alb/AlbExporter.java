package io.tierlens.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.collector.AlbCollector;
import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.discovery.AlbDiscovery;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.poll.Discovery;
import io.tierlens.core.poll.TargetPoller;
import io.tierlens.core.poll.TargetRefresh;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Application Load Balancers of every target of the environment: discovery every {@code discovery_interval},
 * CloudWatch through the shared planner and DescribeTargetHealth every refresh, each part of each target failing
 * on its own ({@link TargetPoller}, {@link TargetRefresh}).
 */
public final class AlbExporter extends SettingsExporter {
    private final AlbCollector collector;
    private final TargetRefresh<AlbTarget> targets;
    private final InventoryPublisher publisher;

    /** A target's poller and its target health part, which the collector reads beside the poller's data. */
    private record AlbTarget(TargetPoller<AlbInventory> poller, TargetHealthPart health) {}

    /**
     * @param apis the ELBv2 client per target (production: {@code ApiClients.get} with an {@code SdkAlbApi})
     */
    public AlbExporter(AlbConfig config, ExporterEnvironment env, Function<AwsTarget, AlbApi> apis) {
        super(AlbModule.NAME, config);
        Clock clock = env.clock();
        AlbQueries queries = new AlbQueries(config, env.cloudWatch().config().period());
        this.collector = new AlbCollector(queries);
        this.publisher = new InventoryPublisher(queries, env.inventory());
        TargetPoller.Schedule schedule = new TargetPoller.Schedule(config.discoveryInterval(), config.maxStaleness());
        List<AlbTarget> all = new ArrayList<>();
        for (AwsTarget t : env.targets()) {
            TargetHealthPart health = new TargetHealthPart(t, apis, clock, config.maxStaleness());
            TargetPoller<AlbInventory> poller = new TargetPoller<>(
                    AlbModule.NAME,
                    t,
                    schedule,
                    discovery(config, t, apis, clock),
                    queries::queries,
                    config.targetHealth() ? List.of(health) : List.of(),
                    env.cloudWatch(),
                    clock);
            all.add(new AlbTarget(poller, health));
        }
        this.targets = new TargetRefresh<>(AlbModule.NAME, all, AlbTarget::poller, clock, env.self());
    }

    /** Discovery built on first use: the client comes from the per-target function, which may fail. */
    private static Discovery<AlbInventory> discovery(
            AlbConfig config, AwsTarget target, Function<AwsTarget, AlbApi> apis, Clock clock) {
        return new Discovery<>() {
            private AlbDiscovery discovery;

            @Override
            public Discovered<AlbInventory> discover() {
                if (discovery == null) {
                    discovery = new AlbDiscovery(config, target, apis.apply(target), clock);
                }
                return Discovered.of(discovery.discover());
            }
        };
    }

    @Override
    public RefreshResult refresh() throws Exception {
        return targets.refresh((out, t, now) -> {
            AlbInventory inventory = t.poller().inventory().orElseThrow();
            Map<MetricQuery, MetricValue> values = t.poller().values(now);
            collector.addTo(
                    out, t.poller().target(), inventory, values, t.health().targetHealth(now));
            publisher.publish(t.poller().target(), inventory, values, now);
        });
    }

    @Override
    public List<String> initialTargets() {
        return targets.targetKeys();
    }
}
