package io.tierlens.app.ha;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * {@code tierlens_leader{shard}}, {@code tierlens_leader_transitions_total{shard}} and, with HA on,
 * {@code tierlens_leader_lease_errors_total{shard,operation,reason}}: which replica works, how often that changed,
 * and why the Lease API failed. Served by leader and standby alike (they are self-metrics).
 */
public final class LeaderMetrics {
    /** The bounded reasons of a failed Lease request (see {@link LeaseFailure}). */
    public static final List<String> REASONS =
            List.of("forbidden", "unauthorized", "conflict", "unreachable", "server_error", "other");

    /** The Lease requests leader election makes. */
    public static final List<String> OPERATIONS = List.of("get", "create", "update");

    private final String shard;
    private final Gauge leader;
    private final Counter transitions;
    private final Counter leaseErrors;

    public LeaderMetrics(PrometheusRegistry registry, String shard, boolean electing) {
        this.shard = shard;
        leader = Gauge.builder()
                .name("tierlens_leader")
                .help("1 if this replica does the shard's work (always 1 without ha.enabled), 0 on a standby.")
                .labelNames("shard")
                .register(registry);
        transitions = Counter.builder()
                .name("tierlens_leader_transitions")
                .help("Times this replica started or stopped doing the shard's work.")
                .labelNames("shard")
                .register(registry);
        leaseErrors = Counter.builder()
                .name("tierlens_leader_lease_errors")
                .help("Failed requests to the coordination.k8s.io Lease, by operation and bounded reason.")
                .labelNames("shard", "operation", "reason")
                .register(registry);
        transitions.labelValues(shard);
        if (electing) {
            for (String op : OPERATIONS) {
                for (String reason : REASONS) {
                    leaseErrors.labelValues(shard, op, reason);
                }
            }
        }
        leader.labelValues(shard).set(electing ? 0 : 1);
    }

    void leading(boolean leads) {
        leader.labelValues(shard).set(leads ? 1 : 0);
        transitions.labelValues(shard).inc();
    }

    void leaseError(String operation, String reason) {
        leaseErrors.labelValues(shard, operation, reason).inc();
    }

    /** The current value of {@code tierlens_leader} (for tests and logs). */
    public boolean leads() {
        return leader.labelValues(shard).get() == 1;
    }
}
