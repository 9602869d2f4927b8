package io.tierlens.rds;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.collector.RdsCollector;
import io.tierlens.rds.collector.RdsQueries;
import io.tierlens.rds.discovery.InstanceClassMemory;
import io.tierlens.rds.model.RdsInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * RDS instances and clusters of every target of the environment: discovery every {@code discovery_interval},
 * CloudWatch through the shared planner every refresh. Targets fail independently: a failing target keeps its
 * last data and is reported as a partial failure; only when every target failed completely does the refresh
 * throw, so the runner keeps serving the last good snapshot.
 */
public final class RdsExporter implements Exporter {
    private final RdsConfig config;
    private final Clock clock;
    private final SelfMetrics self;
    private final RdsCollector collector;
    private final List<TargetPoller> pollers = new ArrayList<>();

    /** @param apis the RDS client per target (production: {@code ApiClients.get} with an {@code SdkRdsApi}) */
    public RdsExporter(RdsConfig config, ExporterEnvironment env, Function<AwsTarget, RdsApi> apis) {
        this.config = config;
        this.clock = env.clock();
        this.self = env.self();
        RdsQueries queries = new RdsQueries(config, env.cloudWatch().config().period());
        this.collector = new RdsCollector(queries);
        InstanceClassMemory memory = InstanceClassMemory.bundled();
        for (AwsTarget t : env.targets()) {
            // Declared up front so the planner waits for our queries and packs them with other exporters'.
            env.cloudWatch().expect(TargetPoller.EXPORTER, t);
            pollers.add(new TargetPoller(t, config, apis, env.cloudWatch(), queries, memory, clock));
        }
    }

    @Override
    public String name() {
        return TargetPoller.EXPORTER;
    }

    @Override
    public Duration refreshInterval() {
        return config.refresh();
    }

    @Override
    public Duration maxStaleness() {
        return config.maxStaleness();
    }

    @Override
    public RefreshResult refresh() throws Exception {
        List<PartialFailure> partial = new ArrayList<>();
        Optional<Exception> firstError = Optional.empty();
        int totalFailures = 0;
        for (TargetPoller p : pollers) {
            TargetPoller.Outcome o = p.poll();
            partial.addAll(o.failures());
            if (o.totalFailure()) {
                totalFailures++;
                if (firstError.isEmpty()) {
                    firstError = o.firstError();
                }
            }
        }
        if (!pollers.isEmpty() && totalFailures == pollers.size() && firstError.isPresent()) {
            // Nothing worked anywhere: let the runner keep the last good snapshot and count the reason.
            throw firstError.get();
        }

        Instant now = clock.instant();
        SnapshotAssembler out = new SnapshotAssembler();
        Instant newestPeriodEnd = null;
        Instant newestDiscovery = null;
        for (TargetPoller p : pollers) {
            if (!p.servable(now)) {
                continue;
            }
            RdsInventory inv = p.inventory().orElseThrow();
            var values = p.values(now);
            collector.addTo(out, p.target(), inv, values);
            for (MetricValue v : values.values()) {
                if (newestPeriodEnd == null || v.periodEnd().isAfter(newestPeriodEnd)) {
                    newestPeriodEnd = v.periodEnd();
                }
            }
            if (newestDiscovery == null || inv.discoveredAt().isAfter(newestDiscovery)) {
                newestDiscovery = inv.discoveredAt();
            }
        }
        if (out.duplicates() > 0) {
            self.seriesDropped(name(), out.duplicates());
        }
        Instant dataTime = newestPeriodEnd != null ? newestPeriodEnd : newestDiscovery != null ? newestDiscovery : now;
        return new RefreshResult(out.build(), dataTime, partial);
    }
}
