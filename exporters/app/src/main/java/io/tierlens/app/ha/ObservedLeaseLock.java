package io.tierlens.app.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard's Lease lock ({@link UpdatingLeaseLock}), counting every failed request by reason and remembering when this replica last wrote
 * the Lease as its holder: {@link LeaseElection}'s own deadline check needs that, because fabric8 logs a failed
 * renewal at debug level only and keeps the leader's callbacks quiet until its renew loop ends. Any other exception
 * is handed to fabric8 as a {@link KubernetesClientException}, the one kind its retry loops survive.
 */
final class ObservedLeaseLock implements Lock {
    private static final Logger log = LoggerFactory.getLogger(ObservedLeaseLock.class);

    private final LeaseLock lease;
    private final LeaderMetrics metrics;
    private final Clock clock;
    private final AtomicReference<Instant> lastHeld = new AtomicReference<>(Instant.EPOCH);
    private volatile String lastReason = "";

    ObservedLeaseLock(LeaseLock lease, LeaderMetrics metrics, Clock clock) {
        this.lease = lease;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return observe("get", () -> lease.get(client));
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        observe("create", () -> {
            lease.create(client, record);
            return null;
        });
        held(record);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        observe("update", () -> {
            lease.update(client, record);
            return null;
        });
        held(record);
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }

    /** When this replica last wrote the Lease naming itself holder; {@link Instant#EPOCH} if never. */
    Instant lastHeld() {
        return lastHeld.get();
    }

    private void held(LeaderElectionRecord record) {
        if (Objects.equals(record.getHolderIdentity(), identity())) {
            lastHeld.set(clock.instant());
        }
    }

    private <T> T observe(String operation, java.util.function.Supplier<T> request) {
        try {
            T result = request.get();
            lastReason = "";
            return result;
        } catch (RuntimeException e) {
            String reason = LeaseFailure.reason(e);
            metrics.leaseError(operation, reason);
            // One line per change of reason: a Lease API that stays down for an hour must not write 1,800 lines.
            if (!reason.equals(lastReason)) {
                log.warn(
                        "lease {} {} failed: {} ({})",
                        describe(),
                        operation,
                        reason,
                        e.getClass().getSimpleName());
                lastReason = reason;
            }
            throw e instanceof KubernetesClientException k
                    ? k
                    : new KubernetesClientException("lease " + operation + " failed: " + reason, e);
        }
    }
}
