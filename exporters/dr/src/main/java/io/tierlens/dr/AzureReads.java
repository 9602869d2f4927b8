package io.tierlens.dr;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.poll.Kept;
import io.tierlens.dr.client.ArmApi;
import io.tierlens.dr.client.ArmThrottledException;
import io.tierlens.dr.client.AzureFailures;
import io.tierlens.dr.client.DumpStoreApi;
import io.tierlens.dr.discovery.DumpInventory;
import io.tierlens.dr.model.AzureSiteState;
import io.tierlens.dr.model.DumpStoreState;
import io.tierlens.dr.model.SiteResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Azure side, each part a target of its own ({@code azure-arm/<resource group>}, {@code azure-blob/<store>}):
 * a part that fails keeps serving its last good state for up to {@code max_staleness} with its
 * {@code tierlens_target_up} 0 and an honest data age, then is dropped with one WARN. When ARM answers 429 no ARM
 * request is sent until its {@code Retry-After} has passed (capped at {@link #MAX_BACKOFF}): hammering a throttled
 * subscription only prolongs the throttling. Used from the refresh thread only.
 */
final class AzureReads {
    private static final Logger log = LoggerFactory.getLogger(AzureReads.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private final AzureConfig config;
    private final AzureClients clients;
    private final Clock clock;
    private final Duration maxStaleness;
    private Kept<List<SiteResource>> lastResources;
    private final Map<String, Kept<DumpStoreState>> lastDumps = new HashMap<>();
    private Instant armQuietUntil = Instant.MIN;

    AzureReads(AzureConfig config, AzureClients clients, Clock clock, Duration maxStaleness) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    /** What the Azure side gave: the state to serve, what failed, and each target's status. */
    record Read(AzureSiteState state, List<PartialFailure> failures, List<TargetStatus> statuses) {}

    String armTarget() {
        return "azure-arm/" + config.resourceManager().resourceGroup();
    }

    static String blobTarget(String store) {
        return "azure-blob/" + store;
    }

    Read read() {
        List<PartialFailure> failures = new ArrayList<>();
        List<TargetStatus> statuses = new ArrayList<>();
        List<SiteResource> resources = new ArrayList<>();
        clients.arm().ifPresent(arm -> resources.addAll(readArm(arm, failures, statuses)));
        List<DumpStoreState> dumps = new ArrayList<>();
        for (DumpStoreConfig store : config.dumps()) {
            DumpStoreApi api = clients.dumps().get(store.store());
            if (api != null) {
                readDumps(store, api, failures, statuses).ifPresent(dumps::add);
            }
        }
        return new Read(new AzureSiteState(config.site(), dumps, resources), failures, statuses);
    }

    private List<SiteResource> readArm(ArmApi arm, List<PartialFailure> failures, List<TargetStatus> statuses) {
        Instant now = clock.instant();
        String target = armTarget();
        ExporterException failure;
        if (now.isBefore(armQuietUntil)) {
            failure = new ExporterException(
                    FailureReason.THROTTLED, "ARM asked to wait until " + armQuietUntil + "; not asked again before");
        } else {
            try {
                List<SiteResource> read = new ArrayList<>(arm.virtualMachines());
                read.addAll(arm.mysqlServers());
                lastResources = new Kept<>(List.copyOf(read), now);
                statuses.add(TargetStatus.ok(target, now));
                return read;
            } catch (ExporterException e) {
                failure = e;
                if (e instanceof ArmThrottledException t) {
                    Duration wait = t.retryAfter().orElse(Duration.ZERO);
                    armQuietUntil = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
                }
            }
        }
        failures.add(new PartialFailure(failure.reason(), target + ": " + AzureFailures.describe(failure)));
        if (lastResources != null && !lastResources.fresh(now, maxStaleness)) {
            log.warn(
                    "dr: the Azure resources of {} could not be read for longer than max_staleness {}: their series"
                            + " are dropped until a read works",
                    target,
                    maxStaleness);
            lastResources = null;
        }
        Optional<Kept<List<SiteResource>>> kept = Optional.ofNullable(lastResources);
        statuses.add(TargetStatus.failed(target, List.of(failure.reason()), kept.map(Kept::at)));
        return kept.map(Kept::value).orElse(List.of());
    }

    private Optional<DumpStoreState> readDumps(
            DumpStoreConfig store, DumpStoreApi api, List<PartialFailure> failures, List<TargetStatus> statuses) {
        String target = blobTarget(store.store());
        try {
            var listed = api.list();
            Instant now = clock.instant();
            DumpStoreState state = DumpInventory.analyse(config.site(), store, listed, now);
            lastDumps.put(store.store(), new Kept<>(state, now));
            statuses.add(TargetStatus.ok(target, now));
            return Optional.of(state);
        } catch (ExporterException e) {
            Instant now = clock.instant();
            failures.add(new PartialFailure(e.reason(), target + ": " + AzureFailures.describe(e)));
            Kept<DumpStoreState> kept = lastDumps.get(store.store());
            if (kept != null && !kept.fresh(now, maxStaleness)) {
                log.warn(
                        "dr: dump store {} could not be listed for longer than max_staleness {}: its series are"
                                + " dropped until a listing works",
                        store.store(),
                        maxStaleness);
                lastDumps.remove(store.store());
                kept = null;
            }
            Optional<Kept<DumpStoreState>> k = Optional.ofNullable(kept);
            statuses.add(TargetStatus.failed(target, List.of(e.reason()), k.map(Kept::at)));
            return k.map(Kept::value);
        }
    }
}
