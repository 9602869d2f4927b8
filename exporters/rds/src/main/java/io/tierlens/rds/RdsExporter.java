package io.tierlens.rds;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.inventory.DiscoveredDatabase;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.inventory.Published;
import io.tierlens.core.poll.TargetPoller;
import io.tierlens.core.poll.TargetRefresh;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.collector.RdsCollector;
import io.tierlens.rds.collector.RdsQueries;
import io.tierlens.rds.discovery.InstanceClassMemory;
import io.tierlens.rds.discovery.RdsDiscovery;
import io.tierlens.rds.model.RdsInventory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * RDS instances and clusters of every target of the environment: discovery every {@code discovery_interval},
 * CloudWatch through the shared planner every refresh, each part of each target failing on its own
 * ({@link TargetPoller}, {@link TargetRefresh}).
 */
public final class RdsExporter extends SettingsExporter {
    private final RdsCollector collector;
    private final TargetRefresh<TargetPoller<RdsInventory>> targets;
    private final InventoryBoard board;

    /** @param apis the RDS client per target (production: {@code ApiClients.get} with an {@code QueryRdsApi}) */
    public RdsExporter(RdsConfig config, ExporterEnvironment env, Function<AwsTarget, RdsApi> apis) {
        super(RdsModule.NAME, config);
        Clock clock = env.clock();
        RdsQueries queries = new RdsQueries(config, env.cloudWatch().config().period());
        this.collector = new RdsCollector(queries);
        this.board = env.inventory();
        InstanceClassMemory memory = InstanceClassMemory.bundled();
        TargetPoller.Schedule schedule = new TargetPoller.Schedule(config.discoveryInterval(), config.maxStaleness());
        List<TargetPoller<RdsInventory>> pollers = new ArrayList<>();
        for (AwsTarget t : env.targets()) {
            pollers.add(new TargetPoller<>(
                    RdsModule.NAME,
                    t,
                    schedule,
                    // A new discovery each time: its client comes from the per-target function, which may fail.
                    () -> new RdsDiscovery(config, t, apis.apply(t), clock, memory).discover(),
                    queries::queries,
                    List.of(),
                    env.cloudWatch(),
                    clock));
        }
        this.targets = new TargetRefresh<>(RdsModule.NAME, pollers, p -> p, clock, env.self());
    }

    @Override
    public RefreshResult refresh() throws Exception {
        return targets.refresh((out, p, now) -> {
            RdsInventory inventory = p.inventory().orElseThrow();
            collector.addTo(out, p.target(), inventory, p.values(now));
            // the cost exporter prices what was discovered here (no dependency between the two modules)
            board.publish(DiscoveredDatabase.class, new Published<>(p.target().key(), discovered(inventory), now));
        });
    }

    static List<DiscoveredDatabase> discovered(RdsInventory inventory) {
        return inventory.instances().stream()
                .map(i -> new DiscoveredDatabase(
                        i.identifier(),
                        i.instanceClass(),
                        i.engine(),
                        i.multiAz(),
                        i.storageType(),
                        i.allocatedStorageGib(),
                        i.provisionedIops(),
                        i.tags()))
                .toList();
    }

    @Override
    public List<String> initialTargets() {
        return targets.targetKeys();
    }
}
