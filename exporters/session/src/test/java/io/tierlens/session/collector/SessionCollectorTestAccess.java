package io.tierlens.session.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Renders snapshots in the text format for tests of other packages. */
public final class SessionCollectorTestAccess {
    private SessionCollectorTestAccess() {}

    public static String render(MetricSnapshots s) throws Exception {
        return SessionCollectorTest.render(s);
    }
}
