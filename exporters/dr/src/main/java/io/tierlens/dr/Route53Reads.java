package io.tierlens.dr;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.SafeErrorText;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.poll.Kept;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.discovery.Route53Inventory;
import io.tierlens.dr.model.FailoverRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route53 per account, each account a target of its own: one account denied no longer fails the other accounts'
 * reads, and a failover record that can no longer be read keeps its last good state for up to {@code
 * max_staleness} (with the account's {@code tierlens_target_up} 0) instead of vanishing from {@code
 * tierlens_dr_active_site}. Past that it is dropped with one WARN. Used from the refresh thread only.
 */
final class Route53Reads {
    private static final Logger log = LoggerFactory.getLogger(Route53Reads.class);

    private final Route53Inventory inventory;
    private final Function<AwsTarget, Route53Api> apis;
    private final Clock clock;
    private final Duration maxStaleness;
    private final Map<String, Kept<FailoverRecord>> lastRecords = new HashMap<>();
    private final Map<String, Kept<Route53Inventory.Result>> lastReads = new HashMap<>();

    Route53Reads(Route53Inventory inventory, Function<AwsTarget, Route53Api> apis, Clock clock, Duration maxStaleness) {
        this.inventory = inventory;
        this.apis = apis;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    /** What one account gave: data to serve (read now or kept), what failed, and the account's status. */
    record AccountRead(Route53Inventory.Result result, List<PartialFailure> failures, TargetStatus status) {}

    /** @param records the configured records that live in this account */
    AccountRead read(AwsTarget account, List<RecordConfig> records) throws InterruptedException {
        String key = account.key();
        Instant now = clock.instant();
        try {
            Route53Inventory.Result r = inventory.read(account, apis.apply(account), records);
            lastReads.put(key, new Kept<>(r, now));
            List<FailoverRecord> served = new ArrayList<>(r.records());
            Optional<Instant> oldest = Optional.of(now);
            for (RecordConfig rc : records) {
                String id = recordKey(account, rc);
                Optional<FailoverRecord> read = r.records().stream()
                        .filter(f -> f.record().equals(rc.name()) && f.type().equals(rc.type()))
                        .findFirst();
                if (read.isPresent()) {
                    lastRecords.put(id, new Kept<>(read.get(), now));
                } else {
                    Optional<Kept<FailoverRecord>> kept = kept(id, now);
                    kept.ifPresent(k -> served.add(k.value()));
                    if (kept.isPresent() && kept.get().at().isBefore(oldest.get())) {
                        oldest = Optional.of(kept.get().at());
                    }
                }
            }
            List<String> reasons =
                    r.failures().stream().map(PartialFailure::reason).toList();
            Route53Inventory.Result result = new Route53Inventory.Result(r.checks(), served, r.failures());
            return new AccountRead(result, r.failures(), new TargetStatus(key, reasons, oldest));
        } catch (RuntimeException e) {
            // Even ListHealthChecks failed (AssumeRole or Route53 denied): serve what this account had, if fresh.
            String reason = FailureReason.of(e);
            PartialFailure failure = new PartialFailure(
                    reason, "Route53 could not be read for " + account + ": " + SafeErrorText.describe(e));
            Optional<Kept<Route53Inventory.Result>> kept =
                    Optional.ofNullable(lastReads.get(key)).filter(k -> k.fresh(now, maxStaleness));
            if (kept.isEmpty() && lastReads.remove(key) != null) {
                log.warn(
                        "dr: Route53 data of {} is older than max_staleness {}: its health checks and failover"
                                + " records are dropped until a read works",
                        account,
                        maxStaleness);
            }
            List<FailoverRecord> served = new ArrayList<>();
            records.forEach(rc -> kept(recordKey(account, rc), now).ifPresent(k -> served.add(k.value())));
            Route53Inventory.Result result = new Route53Inventory.Result(
                    kept.map(k -> k.value().checks()).orElse(List.of()), served, List.of(failure));
            return new AccountRead(
                    result, List.of(failure), TargetStatus.failed(key, List.of(reason), kept.map(Kept::at)));
        }
    }

    /** The last good state of a record, unless older than max staleness (then dropped, saying so once). */
    private Optional<Kept<FailoverRecord>> kept(String id, Instant now) {
        Kept<FailoverRecord> k = lastRecords.get(id);
        if (k == null) {
            return Optional.empty();
        }
        if (k.fresh(now, maxStaleness)) {
            return Optional.of(k);
        }
        lastRecords.remove(id);
        log.warn(
                "dr: failover record {} could not be read for longer than max_staleness {}: its series are dropped",
                id,
                maxStaleness);
        return Optional.empty();
    }

    private static String recordKey(AwsTarget account, RecordConfig rc) {
        return account.accountId() + "/" + rc.name() + "/" + rc.type();
    }
}
