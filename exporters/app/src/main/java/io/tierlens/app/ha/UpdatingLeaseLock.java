package io.tierlens.app.ha;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.Objects;

/**
 * fabric8's {@link LeaseLock} renewing with an update (PUT, guarded by the resourceVersion last read) instead of its
 * JSON merge patch: the Role the chart grants on leases is get, create and update (the shared contract), and a patch
 * would be refused with 403 at the first renewal after a successful create. Reading and the record ↔ Lease mapping are
 * fabric8's own.
 */
final class UpdatingLeaseLock extends LeaseLock {
    private final String namespace;
    private final String name;
    private Lease last;

    UpdatingLeaseLock(String namespace, String name, String identity) {
        super(namespace, name, identity);
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        Lease lease = client.leases().inNamespace(namespace).withName(name).get();
        last = lease;
        return lease == null ? null : toRecord(lease);
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        last = client.resource(toResource(record, getObjectMeta(null))).create();
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        Objects.requireNonNull(last, "get or create must be called first");
        // The resourceVersion of the last read makes this a compare-and-swap: a candidate that read an older Lease
        // gets 409 Conflict instead of overwriting the winner.
        last = client.resource(
                        toResource(record, getObjectMeta(last.getMetadata().getResourceVersion())))
                .update();
    }
}
