package io.tierlens.core.exporter;

import java.time.Duration;
import java.util.List;

/**
 * One exporter module (ALB, RDS, session, ...). The runtime calls {@link #refresh()} on a background thread
 * at {@link #refreshInterval()}; whatever it returns becomes the snapshot {@code /metrics} serves until the
 * next successful refresh. A refresh that throws keeps the previous snapshot (up to {@link #maxStaleness()}).
 *
 * <p>Implementations do their I/O only inside {@code refresh()}, never at scrape time.
 */
public interface Exporter extends AutoCloseable {

    /** Short name used in self-metric labels and logs, e.g. {@code alb}. */
    String name();

    Duration refreshInterval();

    /** How long the last good snapshot is served after refreshes start failing. */
    Duration maxStaleness();

    RefreshResult refresh() throws Exception;

    /**
     * The {@code target} label of an exporter whose results carry no {@link TargetStatus}es: its one source, e.g.
     * {@code kubernetes}. Exporters that report per-target statuses never use it.
     */
    default String defaultTarget() {
        return name();
    }

    /**
     * The targets known before the first refresh (from the configuration), whose
     * {@code tierlens_refresh_errors_total} series start at 0 so that {@code increase()} sees their first error.
     */
    default List<String> initialTargets() {
        return List.of(defaultTarget());
    }

    @Override
    default void close() {}
}
