package io.tierlens.session.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.session.model.NamespaceReport;
import io.tierlens.session.model.RedisHealth;
import io.tierlens.session.model.SessionModel;
import io.tierlens.session.model.SessionTimes;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;

/** Turns a {@link SessionModel} into the families of METRICS.md "Session". Pure: no I/O, no clock. */
public final class SessionCollector {
    /** Session age: from a minute to a day (long-lived "remember me" sessions land in +Inf). */
    static final double[] AGE_BOUNDS = {60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400};

    /** Idle time: dense below the usual 30 min timeout, where "about to be logged out" shows. */
    static final double[] IDLE_BOUNDS = {10, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600};

    /** Distinct timeouts are few in practice; more means something generates them, and labels must stay bounded. */
    static final int MAX_INACTIVE_VALUES = 20;

    private SessionCollector() {}

    public static MetricSnapshots collect(SessionModel model) {
        SnapshotAssembler a = new SnapshotAssembler();
        FamilyBuilder info = a.info(
                "tierlens_session_store_info",
                "Spring Session namespace found in Redis, with the storage layout detected.",
                "namespace",
                "layout");
        FamilyBuilder active = a.gauge(
                "tierlens_session_active",
                "Sessions that have not expired (from the index for indexed layouts, from a complete SCAN for plain).",
                "namespace");
        FamilyBuilder principals = a.gauge(
                "tierlens_session_principals",
                "Distinct logged-in users: keys of the principal-name index (indexed layouts only).",
                "namespace");
        FamilyBuilder maxInactive = a.gauge(
                "tierlens_session_max_inactive_interval_seconds",
                "Session timeouts (maxInactiveInterval) seen in the sample; one series per distinct value.",
                "namespace",
                "value");
        FamilyBuilder backlog = a.gauge(
                "tierlens_session_expiry_backlog",
                "Sessions expired for more than a minute that Spring Session's cleanup has not processed yet.",
                "namespace");
        FamilyBuilder truncated = a.gauge(
                "tierlens_session_scan_truncated",
                "1 if the SCAN budget of the last cycle ran out and the pass continues next cycle.",
                "namespace");
        FamilyBuilder examined = a.gauge(
                "tierlens_session_scan_keys_examined",
                "Keys SCAN returned for this namespace in the last cycle.",
                "namespace");
        FamilyBuilder namespaceKeys = a.gauge(
                "tierlens_session_namespace_keys",
                "Entries found under the namespace: members of its expiry index (indexed layouts) or session hashes"
                        + " of the last complete SCAN pass (plain). 0: nothing of this namespace is in Redis (a typo?).",
                "namespace");
        HistogramFamily age = new HistogramFamily(
                "tierlens_session_age_seconds",
                "Time since creation of the sampled live sessions (a sample taken every cycle; _count is the sample"
                        + " size).",
                AGE_BOUNDS,
                "namespace");
        HistogramFamily idle = new HistogramFamily(
                "tierlens_session_idle_seconds",
                "Time since the last request of the sampled live sessions (a sample taken every cycle; _count is"
                        + " the sample size).",
                IDLE_BOUNDS,
                "namespace");

        for (NamespaceReport ns : model.namespaces()) {
            String n = ns.namespace();
            info.addInfo(n, ns.layout().label());
            addIfPresent(active, ns.active(), n);
            addIfPresent(principals, ns.principals(), n);
            addIfPresent(backlog, ns.expiryBacklog(), n);
            addIfPresent(namespaceKeys, ns.keys(), n);
            ns.scan().ifPresent(s -> {
                truncated.add(s.truncated() ? 1 : 0, n);
                examined.add(s.keysExamined(), n);
            });
            List<SessionTimes> live = ns.sample().live();
            if (!live.isEmpty()) {
                var at = ns.sample().sampledAt();
                age.add(values(live, s -> s.ageSeconds(at)), n);
                idle.add(values(live, s -> s.idleSeconds(at)), n);
                TreeSet<Long> distinct = new TreeSet<>();
                live.forEach(s -> distinct.add(s.maxInactiveInterval().getSeconds()));
                distinct.stream().limit(MAX_INACTIVE_VALUES).forEach(v -> maxInactive.add(v, n, Long.toString(v)));
            }
        }
        addRedis(a, model.redis());

        MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (MetricSnapshot s : a.build()) {
            out.metricSnapshot(s);
        }
        if (!age.isEmpty()) {
            out.metricSnapshot(age.build());
            out.metricSnapshot(idle.build());
        }
        return out.build();
    }

    private static void addRedis(SnapshotAssembler a, List<RedisHealth> nodes) {
        FamilyBuilder up = a.gauge(
                "tierlens_redis_up", "1 if the Redis node answered INFO with our credentials, else 0.", "instance");
        FamilyBuilder used = a.gauge("tierlens_redis_used_memory_bytes", "Redis used_memory.", "instance");
        FamilyBuilder max =
                a.gauge("tierlens_redis_maxmemory_bytes", "Redis maxmemory (0 means no limit).", "instance");
        FamilyBuilder clients =
                a.gauge("tierlens_redis_connected_clients", "Client connections to the Redis node.", "instance");
        FamilyBuilder evicted = a.counter(
                "tierlens_redis_evicted_keys_total",
                "Keys Redis evicted because of maxmemory; evicted sessions are forced logouts.",
                "instance");
        FamilyBuilder hits =
                a.counter("tierlens_redis_keyspace_hits_total", "Successful key lookups on the node.", "instance");
        FamilyBuilder misses =
                a.counter("tierlens_redis_keyspace_misses_total", "Failed key lookups on the node.", "instance");
        for (RedisHealth h : nodes) {
            String i = h.instance();
            up.add(h.up() ? 1 : 0, i);
            addIfPresent(used, h.usedMemoryBytes(), i);
            addIfPresent(max, h.maxmemoryBytes(), i);
            addIfPresent(clients, h.connectedClients(), i);
            addIfPresent(evicted, h.evictedKeys(), i);
            addIfPresent(hits, h.keyspaceHits(), i);
            addIfPresent(misses, h.keyspaceMisses(), i);
        }
    }

    private static void addIfPresent(FamilyBuilder f, OptionalLong v, String... labels) {
        if (v.isPresent()) {
            f.add(v.getAsLong(), labels);
        }
    }

    private static double[] values(List<SessionTimes> sessions, Function<SessionTimes, Double> f) {
        double[] out = new double[sessions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(sessions.get(i));
        }
        return out;
    }
}
