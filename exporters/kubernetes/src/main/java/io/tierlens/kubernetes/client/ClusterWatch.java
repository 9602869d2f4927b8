package io.tierlens.kubernetes.client;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.kubernetes.model.ClusterState;

/**
 * The cluster as seen through watches. {@link #snapshot()} reads caches only; the first call starts the
 * watches and waits for their initial list. Shared by the Karpenter and cost exporters and closed by whoever
 * owns the environment ({@link io.tierlens.core.aws.ApiClients} in production, the demo simulation in the demo).
 */
public interface ClusterWatch extends AutoCloseable {

    /**
     * The current state.
     *
     * @throws ExporterException when the API server cannot be reached, refuses us, or a watch has been down
     *     for longer than its grace period (the caller then keeps serving its last good data)
     */
    ClusterState snapshot() throws ExporterException;

    @Override
    void close();
}
