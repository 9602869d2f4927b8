package io.tierlens.pushgateway.client;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.PushedGroup;
import java.io.IOException;
import java.util.List;

/** What tierlens needs from a Pushgateway: push a job's result, and read every group back. */
public interface PushgatewayApi {

    /**
     * Pushes {@code metrics} to the group with add semantics (HTTP POST, client_java's {@code pushAdd}): metrics
     * named in the push replace those of the same name in the group, the others stay.
     *
     * @throws IOException when the Pushgateway cannot be reached or refuses the push (the message says which)
     */
    void pushAdd(GroupingKey key, MetricSnapshots metrics) throws IOException;

    /** Every group with its values, from {@code GET /api/v1/metrics}. */
    List<PushedGroup> groups() throws IOException;

    /** The {@code target} label of this Pushgateway in tierlens' own health metrics: its host:port, never a secret. */
    default String target() {
        return "pushgateway";
    }
}
