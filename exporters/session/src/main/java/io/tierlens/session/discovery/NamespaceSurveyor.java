package io.tierlens.session.discovery;

import io.tierlens.session.SessionConfig;
import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.RedisTopology;
import io.tierlens.session.client.SessionStore;
import io.tierlens.session.model.Layout;
import io.tierlens.session.model.NamespaceReport;
import io.tierlens.session.model.ScanStatus;
import io.tierlens.session.model.SessionKeys;
import io.tierlens.session.model.SessionSample;
import io.tierlens.session.model.SessionTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one namespace per cycle: recognises its layout, counts live sessions the cheapest way that layout
 * allows, reads the expiry backlog, samples session times and (where the index exists) counts principals.
 * Keeps the SCAN state that spans cycles.
 */
public final class NamespaceSurveyor {
    /** An indexed namespace with no sessions at all stays indexed this long, rather than flip to a SCAN. */
    static final Duration LAYOUT_MEMORY = Duration.ofHours(1);

    private static final long BACKLOG_MARGIN_MS = 60_000L;
    private static final Duration DUE_SLACK = Duration.ofSeconds(1);

    private final SessionKeys keys;
    private final SessionConfig config;
    private final Clock clock;
    private final SessionSampler sampler;
    private final ResumableScan sessionScan;
    private final ResumableScan principalScan;

    private static final Logger log = LoggerFactory.getLogger(NamespaceSurveyor.class);

    private boolean keysEverSeen;
    private boolean warnedEmpty;
    private Optional<Layout> lastIndexed = Optional.empty();
    private Instant lastIndexedSeen = Instant.EPOCH;
    private Instant nextPrincipalPass = Instant.EPOCH;
    private Instant nextSessionPass = Instant.EPOCH;

    public NamespaceSurveyor(String namespace, SessionConfig config, Clock clock, RandomGenerator random) {
        this.keys = new SessionKeys(namespace);
        this.config = config;
        this.clock = clock;
        this.sampler = new SessionSampler(keys, config.sampleSize());
        int count = config.scan().count();
        this.sessionScan = new ResumableScan(
                keys.sessionScanPattern(), keys::isSessionKey, count, config.sampleSize(), random, clock);
        String principalPrefix = keys.principalIndexPrefix();
        this.principalScan = new ResumableScan(
                keys.principalScanPattern(), k -> k.startsWith(principalPrefix), count, 0, random, clock);
    }

    public String namespace() {
        return keys.namespace();
    }

    /**
     * One cycle.
     *
     * @param runIds {@code run_id} of the nodes whose INFO answered this cycle
     * @throws io.tierlens.session.client.RedisAccessException when Redis fails; SCAN state survives for next time
     */
    public NamespaceReport survey(
            SessionStore store, RedisTopology topology, Map<RedisNode, String> runIds, ScanBudget budget, Pacer pacer)
            throws InterruptedException {
        Instant now = clock.instant();
        Detection d = detect(store, now);
        OptionalLong active;
        Instant activeAsOf = now;
        OptionalLong backlog;
        SessionSample sample;
        long examined = 0;
        boolean unfinished = false;
        OptionalLong keysFound;
        switch (d.layout()) {
            case INDEXED_SORTED_SET -> {
                long nowMs = now.toEpochMilli();
                keysFound = OptionalLong.of(store.zcount(keys.sortedSetKey(), "-inf", "+inf"));
                active = OptionalLong.of(store.zcount(keys.sortedSetKey(), "(" + nowMs, "+inf"));
                backlog = OptionalLong.of(store.zcount(keys.sortedSetKey(), "-inf", "(" + (nowMs - BACKLOG_MARGIN_MS)));
                sample = sampler.fromSortedSet(store, now);
            }
            case INDEXED_MINUTE -> {
                MinuteBuckets b =
                        d.buckets().orElseGet(() -> MinuteBuckets.read(store, keys, now, config.bucketHorizon()));
                active = OptionalLong.of(b.active());
                backlog = OptionalLong.of(b.backlog());
                keysFound = OptionalLong.of(b.members());
                sample = sampler.fromBuckets(store, b, now);
            }
            default -> {
                boolean start = !sessionScan.inProgress() && due(now, nextSessionPass);
                if (start) {
                    nextSessionPass = now.plus(config.scan().interval());
                }
                ResumableScan.CycleResult r =
                        sessionScan.advance(store, topology.scanNodes(), runIds, budget, pacer, start);
                examined += r.keysExamined();
                unfinished |= r.unfinished();
                active = sessionScan.lastCount();
                keysFound = active;
                activeAsOf = sessionScan.lastCompletedAt().orElse(now);
                sample = sampler.fromKeys(store, sessionScan.sample(), now);
                backlog = estimateBacklog(sample, active);
            }
        }
        OptionalLong principals = OptionalLong.empty();
        if (d.layout().indexed() && config.principals()) {
            boolean start = !principalScan.inProgress() && due(now, nextPrincipalPass);
            if (start) {
                nextPrincipalPass = now.plus(config.principalsInterval());
            }
            ResumableScan.CycleResult r =
                    principalScan.advance(store, topology.scanNodes(), runIds, budget, pacer, start);
            examined += r.keysExamined();
            unfinished |= r.unfinished();
            principals = principalScan.lastCount();
        }
        warnIfNeverFound(keysFound);
        return new NamespaceReport(
                keys.namespace(),
                d.layout(),
                active,
                activeAsOf,
                principals,
                backlog,
                Optional.of(new ScanStatus(unfinished, examined)),
                sample,
                keysFound);
    }

    /**
     * A namespace that holds nothing (typically a typo such as {@code spring:sesion}) would read as "0 users logged
     * in" for ever; say so once, naming only the namespace. Quiet after keys were once seen: an application with no
     * one logged in at night is not a misconfiguration.
     */
    private void warnIfNeverFound(OptionalLong keysFound) {
        if (keysFound.isEmpty()) {
            return;
        }
        if (keysFound.getAsLong() > 0) {
            keysEverSeen = true;
        } else if (!keysEverSeen && !warnedEmpty) {
            warnedEmpty = true;
            log.warn(
                    "session namespace '{}' has no keys in Redis (no session, no expiry index): check"
                            + " exporters.session.namespaces against spring.session.redis.namespace",
                    keys.namespace());
        }
    }

    /**
     * Cycles run at a fixed rate but read the clock a little later each time; a second of slack keeps a pass due
     * every 45 s from slipping to the next 15-s cycle.
     */
    private static boolean due(Instant now, Instant next) {
        return !now.isBefore(next.minus(DUE_SLACK));
    }

    private record Detection(Layout layout, Optional<MinuteBuckets> buckets) {}

    private Detection detect(SessionStore store, Instant now) {
        switch (config.layout()) {
            case PLAIN:
                return new Detection(Layout.PLAIN, Optional.empty());
            case INDEXED_MINUTE:
                return new Detection(Layout.INDEXED_MINUTE, Optional.empty());
            case INDEXED_SORTED_SET:
                return new Detection(Layout.INDEXED_SORTED_SET, Optional.empty());
            default:
                break;
        }
        if ("zset".equals(store.type(keys.sortedSetKey()))) {
            return indexed(Layout.INDEXED_SORTED_SET, Optional.empty(), now);
        }
        MinuteBuckets b = MinuteBuckets.read(store, keys, now, config.bucketHorizon());
        if (b.anyPresent()) {
            return indexed(Layout.INDEXED_MINUTE, Optional.of(b), now);
        }
        if (lastIndexed.isPresent() && Duration.between(lastIndexedSeen, now).compareTo(LAYOUT_MEMORY) < 0) {
            // An indexed application with no session right now: its structures are simply empty. Scanning the
            // keyspace would cost a lot to find the same zero.
            return new Detection(
                    lastIndexed.get(), lastIndexed.get() == Layout.INDEXED_MINUTE ? Optional.of(b) : Optional.empty());
        }
        return new Detection(Layout.PLAIN, Optional.empty());
    }

    private Detection indexed(Layout layout, Optional<MinuteBuckets> buckets, Instant now) {
        lastIndexed = Optional.of(layout);
        lastIndexedSeen = now;
        return new Detection(layout, buckets);
    }

    /**
     * The plain layout has no cleanup structure: Redis deletes a session at its TTL. Sessions whose fields say
     * they expired more than a minute ago but are still there are a backlog (a replica that lags in expiring,
     * or a TTL that disagrees with the fields); estimated from the sample.
     */
    static OptionalLong estimateBacklog(SessionSample sample, OptionalLong active) {
        if (active.isEmpty() || sample.sessions().isEmpty()) {
            return active.isEmpty() ? OptionalLong.empty() : OptionalLong.of(0);
        }
        Instant cutoff = sample.sampledAt().minusMillis(BACKLOG_MARGIN_MS);
        long expired = sample.sessions().stream()
                .map(SessionTimes::expiry)
                .filter(e -> e.isPresent() && e.get().isBefore(cutoff))
                .count();
        return OptionalLong.of(Math.round((double) expired / sample.sessions().size() * active.getAsLong()));
    }
}
