package io.tierlens.app.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.tierlens.core.config.HaConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease with fabric8's {@code LeaderElector}. Three things are
 * added around it:
 *
 * <ul>
 *   <li>candidacy again after losing: a fabric8 elector ends with its leadership, so a new one is started;
 *   <li>a deadline of our own: if the last renewal written by this replica is older than {@code renew_deadline},
 *       it stops working at once, whatever fabric8's renew loop (blocked on an unreachable API, say) still believes.
 *       A standby may take over only after {@code lease_duration}, longer than the deadline, so two replicas never
 *       work at the same time as long as their clocks agree within the difference;
 *   <li>the listener runs on a thread of its own, so starting or stopping exporters never delays a renewal.
 * </ul>
 */
public final class LeaseElection implements Leadership {
    private static final Logger log = LoggerFactory.getLogger(LeaseElection.class);

    private final KubernetesClient client;
    private final HaConfig config;
    private final ObservedLeaseLock lock;
    private final LeaderMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService elections = Executors.newSingleThreadScheduledExecutor(daemon("election"));
    private final ExecutorService work = Executors.newSingleThreadExecutor(daemon("leadership"));
    private final AtomicBoolean leading = new AtomicBoolean();
    private volatile boolean closed;
    private volatile CompletableFuture<?> candidacy;
    private Listener listener;

    /**
     * @param namespace and {@code leaseName}: the shard's Lease
     * @param identity this replica (the pod name): the Lease's holder while it leads
     */
    public LeaseElection(
            KubernetesClient client,
            HaConfig config,
            String namespace,
            String leaseName,
            String identity,
            LeaderMetrics metrics,
            Clock clock) {
        this.client = client;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.lock = new ObservedLeaseLock(new UpdatingLeaseLock(namespace, leaseName, identity), metrics, clock);
    }

    @Override
    public synchronized void start(Listener listener) {
        this.listener = listener;
        log.info(
                "leader election on {}: lease {}, renew deadline {}, retry every {}",
                lock.describe(),
                config.leaseDuration(),
                config.renewDeadline(),
                config.retryPeriod());
        elections.execute(this::stand);
        long checkMs = Math.max(50, config.retryPeriod().toMillis() / 4);
        elections.scheduleWithFixedDelay(this::checkDeadline, checkMs, checkMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean leads() {
        return leading.get();
    }

    /** Runs one fabric8 elector until it ends (it lost or gave up leadership), then stands again. */
    private synchronized void stand() {
        if (closed) {
            return;
        }
        var electionConfig = new LeaderElectionConfigBuilder()
                .withName(lock.describe())
                .withLock(lock)
                .withLeaseDuration(config.leaseDuration())
                .withRenewDeadline(config.renewDeadline())
                .withRetryPeriod(config.retryPeriod())
                // Released on close, so a rolling update hands over at once instead of after lease_duration.
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::acquired, () -> lost("lease lost"), leader -> {}))
                .build();
        CompletableFuture<?> running =
                client.leaderElector().withConfig(electionConfig).build().start();
        candidacy = running;
        running.whenComplete((v, e) -> {
            lost("renewal ended");
            if (!closed) {
                elections.schedule(this::stand, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Stops working once this replica's last renewal is older than the renew deadline. */
    private void checkDeadline() {
        if (!leading.get()) {
            return;
        }
        Duration since = Duration.between(lock.lastHeld(), clock.instant());
        if (since.compareTo(config.renewDeadline()) > 0) {
            log.warn(
                    "no lease renewal for {} ms (renew deadline {}): stopping work before a standby may take over",
                    since.toMillis(),
                    config.renewDeadline());
            lost("renew deadline passed");
            CompletableFuture<?> c = candidacy;
            if (c != null) {
                // Ends fabric8's renew loop too; stand() is scheduled again by its completion.
                c.cancel(true);
            }
        }
    }

    private void acquired() {
        if (!closed && leading.compareAndSet(false, true)) {
            metrics.leading(true);
            log.info("leading {}: this replica now reads AWS, Redis and Kubernetes for the shard", lock.describe());
            work.execute(listener::startedLeading);
        }
    }

    private void lost(String why) {
        if (leading.compareAndSet(true, false)) {
            metrics.leading(false);
            log.warn("no longer leading {} ({}): exporters stop and their data leaves /metrics", lock.describe(), why);
            work.execute(listener::stoppedLeading);
        }
    }

    /** Gives the Lease up (so the standby takes over at once) and stops the work. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<?> c = candidacy;
        if (c != null) {
            c.cancel(true);
        }
        lost("shutting down");
        elections.shutdownNow();
        work.shutdown();
        try {
            work.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "tierlens-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
