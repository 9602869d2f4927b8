package io.tierlens.core.exporter;

import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.util.List;

/**
 * What an exporter module gets to build its exporter: the same in production and in the demo, except that
 * {@link #clients()} answers with simulations in the demo.
 *
 * @param targets every (account, region) to watch
 * @param inventory what the exporters of this environment discovered, shared between them
 */
public record ExporterEnvironment(
        Clock clock,
        List<AwsTarget> targets,
        ApiClients clients,
        CloudWatchPlanner cloudWatch,
        SelfMetrics self,
        InventoryBoard inventory) {

    public ExporterEnvironment {
        targets = List.copyOf(targets);
    }

    /** An environment with a board of its own: every exporter built from it shares that board. */
    public ExporterEnvironment(
            Clock clock, List<AwsTarget> targets, ApiClients clients, CloudWatchPlanner cloudWatch, SelfMetrics self) {
        this(clock, targets, clients, cloudWatch, self, new InventoryBoard());
    }
}
