package io.tierlens.session;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.session.client.RedisAccessException;
import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.RedisTopology;
import io.tierlens.session.client.SessionStore;
import io.tierlens.session.client.SessionStoreFactory;
import io.tierlens.session.collector.SessionCollector;
import io.tierlens.session.discovery.NamespaceSurveyor;
import io.tierlens.session.discovery.Pacer;
import io.tierlens.session.discovery.RedisHealthReader;
import io.tierlens.session.discovery.ScanBudget;
import io.tierlens.session.model.NamespaceReport;
import io.tierlens.session.model.RedisHealth;
import io.tierlens.session.model.SessionModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The session exporter: each refresh reads INFO from every Redis node, then surveys every namespace. Redis being
 * down or refusing our password is not a failed refresh: {@code tierlens_redis_up} says 0, the failure is counted
 * with its reason, and the last good session figures stay served (with their age, up to max staleness).
 */
public final class SessionExporter extends SettingsExporter {
    private final SessionConfig config;
    private final Clock clock;
    private final SessionStoreFactory factory;
    private final Pacer pacer;
    private final List<NamespaceSurveyor> surveyors = new ArrayList<>();
    private final Map<String, NamespaceReport> lastGood = new LinkedHashMap<>();
    private final Map<String, Instant> lastGoodAt = new LinkedHashMap<>();
    private final RedisNode seed;
    private SessionStore store;
    private Instant lastRead;
    /** The nodes of the last topology we got, reported down when Redis cannot even tell us its shape. */
    private List<RedisNode> knownNodes;

    public SessionExporter(SessionConfig config, Clock clock, SessionStoreFactory factory) {
        this(config, clock, factory, Pacer.sleeping(config.scan().pause()), RandomGenerator.getDefault());
    }

    SessionExporter(
            SessionConfig config, Clock clock, SessionStoreFactory factory, Pacer pacer, RandomGenerator random) {
        super(SessionModule.NAME, config);
        this.config = config;
        this.clock = clock;
        this.factory = factory;
        this.pacer = pacer;
        this.seed = RedisNode.parse(config.redis().address());
        this.knownNodes = List.of(seed);
        for (String ns : config.namespaces()) {
            surveyors.add(new NamespaceSurveyor(ns, config, clock, random));
        }
    }

    @Override
    public RefreshResult refresh() throws InterruptedException {
        List<RefreshResult.PartialFailure> failures = new ArrayList<>();
        List<RedisHealth> health = new ArrayList<>();
        // Failures of a node by its instance; a failure of the whole store (or of a survey) is every node's.
        Map<String, List<String>> nodeReasons = new LinkedHashMap<>();
        List<String> storeReasons = new ArrayList<>();
        Instant started = clock.instant();
        try {
            SessionStore s = store();
            RedisTopology topology = s.topology();
            knownNodes = topology.healthNodes();
            RedisHealthReader.Result h = RedisHealthReader.read(s, topology.healthNodes());
            health.addAll(h.health());
            h.failures().forEach(e -> failures.add(failure(e)));
            h.downReasons()
                    .forEach((instance, reason) -> nodeReasons
                            .computeIfAbsent(instance, k -> new ArrayList<>())
                            .add(reason));
            if (h.anyUp()) {
                lastRead = clock.instant();
                int before = failures.size();
                surveyNamespaces(s, topology, h.runIds(), failures);
                failures.subList(before, failures.size()).forEach(f -> storeReasons.add(f.reason()));
            }
        } catch (RedisAccessException e) {
            knownNodes.forEach(n -> health.add(RedisHealth.down(n.instance())));
            failures.add(failure(e));
            storeReasons.add(e.reason());
        }
        if (failures.stream()
                .anyMatch(f -> RedisAccessException.AUTH_FAILED.equals(f.reason())
                        || RedisAccessException.CREDENTIALS_MISSING.equals(f.reason()))) {
            // Re-read the secret next time: a rotated password or a late-mounted file then just works.
            closeStore();
        }
        List<NamespaceReport> served = servedReports(started);
        List<RedisHealth> nodes = dedupe(health);
        MetricSnapshots data = SessionCollector.collect(new SessionModel(served, nodes));
        Instant dataTime = dataTimestamp(served, started);
        return new RefreshResult(data, dataTime, failures, statuses(nodes, nodeReasons, storeReasons, dataTime));
    }

    /**
     * One target per Redis node ({@code host:port}). A node is up only when it answered and every survey worked;
     * its data age is that of the session figures, or, while none were ever read, nothing (the runner then counts
     * from the start: data that never came must not look fresh).
     */
    private List<TargetStatus> statuses(
            List<RedisHealth> nodes,
            Map<String, List<String>> nodeReasons,
            List<String> storeReasons,
            Instant dataTime) {
        List<TargetStatus> out = new ArrayList<>();
        for (RedisHealth n : nodes) {
            List<String> reasons = new ArrayList<>(nodeReasons.getOrDefault(n.instance(), List.of()));
            reasons.addAll(storeReasons);
            if (!n.up() && reasons.isEmpty()) {
                reasons.add(RedisAccessException.UNREACHABLE);
            }
            Optional<Instant> served = lastRead == null ? Optional.empty() : Optional.of(dataTime);
            out.add(new TargetStatus(n.instance(), reasons, n.up() ? served : Optional.empty()));
        }
        return out;
    }

    private void surveyNamespaces(
            SessionStore s,
            RedisTopology topology,
            Map<RedisNode, String> runIds,
            List<RefreshResult.PartialFailure> failures)
            throws InterruptedException {
        ScanBudget budget =
                ScanBudget.start(config.scan().timeBudget(), config.scan().keyBudget());
        for (NamespaceSurveyor sv : surveyors) {
            try {
                NamespaceReport r = sv.survey(s, topology, runIds, budget, pacer);
                lastGood.put(sv.namespace(), r);
                lastGoodAt.put(sv.namespace(), clock.instant());
            } catch (RedisAccessException e) {
                failures.add(failure(e));
            }
        }
    }

    /** Last good report per namespace, unless older than max staleness. */
    private List<NamespaceReport> servedReports(Instant now) {
        List<NamespaceReport> out = new ArrayList<>();
        for (NamespaceSurveyor sv : surveyors) {
            NamespaceReport r = lastGood.get(sv.namespace());
            Instant at = lastGoodAt.get(sv.namespace());
            if (r != null && Duration.between(at, now).compareTo(config.maxStaleness()) <= 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** The oldest figure served: a session count from an earlier pass, or the last successful read. */
    private Instant dataTimestamp(List<NamespaceReport> served, Instant now) {
        Instant oldest = lastRead == null ? now : lastRead;
        for (NamespaceReport r : served) {
            if (r.active().isPresent() && r.activeAsOf().isBefore(oldest)) {
                oldest = r.activeAsOf();
            }
        }
        return oldest;
    }

    private static List<RedisHealth> dedupe(List<RedisHealth> health) {
        Map<String, RedisHealth> byInstance = new LinkedHashMap<>();
        health.forEach(h -> byInstance.putIfAbsent(h.instance(), h));
        return List.copyOf(byInstance.values());
    }

    private static RefreshResult.PartialFailure failure(RedisAccessException e) {
        return new RefreshResult.PartialFailure(e.reason(), e.getMessage());
    }

    private SessionStore store() {
        if (store == null) {
            store = factory.open(config.redis());
        }
        return store;
    }

    private void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public void close() {
        closeStore();
    }
}
