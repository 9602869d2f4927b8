package io.tierlens.core.poll;

import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import java.util.List;

/**
 * What exists in one target, found every {@code discovery_interval} by a {@link TargetPoller}.
 *
 * @param <I> the exporter's inventory
 */
@FunctionalInterface
public interface Discovery<I> {

    /** One full discovery; throws when its required calls fail (the poller then keeps the previous inventory). */
    Discovered<I> discover();

    /**
     * @param problems failures of optional sub-reads (the inventory is good without them); their messages must
     *     be safe ({@link io.tierlens.core.exporter.SafeErrorText})
     */
    record Discovered<I>(I inventory, List<PartialFailure> problems) {
        public Discovered {
            problems = List.copyOf(problems);
        }

        public static <I> Discovered<I> of(I inventory) {
            return new Discovered<>(inventory, List.of());
        }
    }
}
