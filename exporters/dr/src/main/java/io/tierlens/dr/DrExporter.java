package io.tierlens.dr;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.Route53Reads.AccountRead;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.Prober;
import io.tierlens.dr.client.RecoveryEvidence;
import io.tierlens.dr.client.RecoveryEvidenceSource;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.collector.DumpCollector;
import io.tierlens.dr.collector.FailoverCollector;
import io.tierlens.dr.collector.HealthCheckCollector;
import io.tierlens.dr.collector.ProbeCollector;
import io.tierlens.dr.collector.RecoveryCollector;
import io.tierlens.dr.collector.SiteResourceCollector;
import io.tierlens.dr.discovery.ActiveSiteDetector;
import io.tierlens.dr.discovery.Route53Inventory;
import io.tierlens.dr.model.ActiveSite;
import io.tierlens.dr.model.AzureSiteState;
import io.tierlens.dr.model.DrSnapshot;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.FailoverRecord;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.HealthCheckState;
import io.tierlens.dr.model.ProbeResult;
import io.tierlens.dr.model.SiteRecovery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh: Route53 per account, the serving site of each record, the probes (in parallel, each bounded by
 * its timeout) and the recovery evidence; then the collectors turn it into metrics.
 */
public final class DrExporter extends SettingsExporter {
    private static final Logger log = LoggerFactory.getLogger(DrExporter.class);
    /** Extra time a probe gets beyond its own timeout before it is abandoned (it bounds itself; this is a guard). */
    private static final Duration PROBE_GUARD = Duration.ofSeconds(5);

    /** The external systems, behind their interfaces. */
    public record Clients(
            Function<AwsTarget, Route53Api> route53,
            DnsResolver resolver,
            Prober prober,
            RecoveryEvidenceSource evidence,
            AzureClients azure) {
        public Clients {
            azure = azure == null ? AzureClients.NONE : azure;
        }

        /** Without an Azure side. */
        public Clients(
                Function<AwsTarget, Route53Api> route53,
                DnsResolver resolver,
                Prober prober,
                RecoveryEvidenceSource evidence) {
            this(route53, resolver, prober, evidence, AzureClients.NONE);
        }
    }

    private final DrConfig config;
    private final List<AwsTarget> accounts;
    private final Clients clients;
    private final Clock clock;
    private final Route53Inventory inventory;
    private final ActiveSiteDetector detector;
    private final FailoverCounter failovers = new FailoverCounter();
    private final ExecutorService probes;
    private final Route53Reads route53;
    private final AzureReads azure;

    /** The target of our own DNS queries (the resolver tierlens uses). */
    public static final String DNS_TARGET = "dns";

    /**
     * @param accounts one target per watched account, in us-east-1 (Route53 is global)
     */
    public DrExporter(
            DrConfig config, List<AwsTarget> accounts, Clients clients, CloudWatchPlanner cloudWatch, Clock clock) {
        super(DrModule.NAME, config);
        this.config = config;
        this.accounts = List.copyOf(accounts);
        this.clients = clients;
        this.clock = clock;
        this.inventory = new Route53Inventory(DrModule.NAME, cloudWatch, config);
        this.detector = new ActiveSiteDetector(clients.resolver(), config);
        this.route53 = new Route53Reads(inventory, clients.route53(), clock, config.maxStaleness());
        this.azure = new AzureReads(config.azure(), clients.azure(), clock, config.maxStaleness());
        this.probes = Executors.newFixedThreadPool(
                Math.max(1, Math.min(8, config.probes().size())), r -> {
                    Thread t = new Thread(r, "tierlens-dr-probe");
                    t.setDaemon(true);
                    return t;
                });
        for (RecordConfig r : config.records()) {
            if (!r.accountId().isEmpty()
                    && accounts.stream().noneMatch(a -> a.accountId().equals(r.accountId()))) {
                log.warn(
                        "exporters.dr record {} is in account {}, which is not watched: it is left out (add the account"
                                + " under accounts:)",
                        r.name(),
                        r.accountId());
            }
        }
    }

    @Override
    public RefreshResult refresh() throws Exception {
        List<PartialFailure> failures = new ArrayList<>();
        List<HealthCheckState> checks = new ArrayList<>();
        List<FailoverRecord> records = new ArrayList<>();
        List<Future<ProbeResult>> probing = startProbes();
        List<TargetStatus> statuses = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            AwsTarget account = accounts.get(i);
            AccountRead read = route53.read(account, recordsOf(account, i == 0));
            checks.addAll(read.result().checks());
            records.addAll(read.result().records());
            failures.addAll(read.failures());
            statuses.add(read.status());
        }
        Map<String, Boolean> healthy = new HashMap<>();
        checks.forEach(c -> c.healthy().ifPresent(h -> healthy.put(c.check().id(), h)));
        List<ActiveSite> active = new ArrayList<>();
        for (FailoverRecord r : records) {
            active.add(detector.detect(r, healthy));
        }
        Map<String, Long> counts = failovers.observe(active);
        AzureReads.Read azureRead = azure.read();
        failures.addAll(azureRead.failures());
        statuses.addAll(azureRead.statuses());
        Instant now = clock.instant();
        List<String> dnsFailures = detector.drainResolverFailures();
        if (!records.isEmpty()) {
            statuses.add(new TargetStatus(DNS_TARGET, dnsFailures, Optional.of(now)));
        }
        int before = failures.size();
        List<SiteRecovery> recovery = recovery(failures, azureRead.state());
        if (!config.sites().isEmpty() && clients.evidence() != RecoveryEvidenceSource.NONE) {
            List<String> reasons = failures.subList(before, failures.size()).stream()
                    .map(PartialFailure::reason)
                    .toList();
            statuses.add(new TargetStatus(
                    clients.evidence().target(), reasons, reasons.isEmpty() ? Optional.of(now) : Optional.empty()));
        }
        List<ProbeResult> probeResults = finishProbes(probing);
        DrSnapshot snapshot =
                new DrSnapshot(checks, records, active, counts, probeResults, recovery, azureRead.state());
        return new RefreshResult(collect(snapshot), now, failures, statuses);
    }

    /** Pure: the model of one refresh as metric families. */
    public static io.prometheus.metrics.model.snapshots.MetricSnapshots collect(DrSnapshot s) {
        SnapshotAssembler out = new SnapshotAssembler();
        HealthCheckCollector.collect(out, s.healthChecks());
        FailoverCollector.collect(out, s.records(), s.activeSites(), s.failovers());
        ProbeCollector.collect(out, s.probes());
        RecoveryCollector.collect(out, s.recovery());
        DumpCollector.collect(out, s.azure().dumps());
        SiteResourceCollector.collect(out, s.azure().site(), s.azure().resources());
        return out.build();
    }

    private List<RecordConfig> recordsOf(AwsTarget account, boolean first) {
        return config.records().stream()
                .filter(r -> r.accountId().isEmpty() ? first : r.accountId().equals(account.accountId()))
                .toList();
    }

    private List<Future<ProbeResult>> startProbes() {
        List<Future<ProbeResult>> out = new ArrayList<>();
        for (ProbeConfig p : config.probes()) {
            out.add(probes.submit(() -> clients.prober().probe(p)));
        }
        return out;
    }

    private List<ProbeResult> finishProbes(List<Future<ProbeResult>> running) throws InterruptedException {
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            ProbeConfig p = config.probes().get(i);
            try {
                out.add(running.get(i).get(p.timeout().plus(PROBE_GUARD).toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException e) {
                running.get(i).cancel(true);
                log.debug("probe {} did not finish: {}", p.name(), e.toString());
                FailureKind kind = e instanceof TimeoutException ? FailureKind.TIMEOUT : FailureKind.OTHER;
                out.add(new ProbeResult(
                        p.name(), p.site(), false, p.timeout(), 0, Optional.empty(), Optional.of(kind)));
            }
        }
        return out;
    }

    /**
     * RPO per site: from the newest dump seen in the site's storage when there is one (it proves the copy arrived),
     * else from what the copy job pushed.
     */
    private List<SiteRecovery> recovery(List<PartialFailure> failures, AzureSiteState azureState) {
        RecoveryEvidence evidence;
        try {
            evidence = clients.evidence().read();
        } catch (IOException e) {
            failures.add(
                    new PartialFailure(FailureReason.of(e), "reading recovery evidence failed: " + e.getMessage()));
            evidence = null;
        }
        Instant now = clock.instant();
        List<SiteRecovery> out = new ArrayList<>();
        for (SiteConfig s : config.sites()) {
            RecoveryEvidence e = evidence;
            Optional<Instant> stored = azureState.dumps().stream()
                    .filter(d -> d.site().equals(s.name()))
                    .flatMap(d -> d.newest().stream())
                    .map(DumpObject::lastModified)
                    .max(Instant::compareTo);
            Optional<Duration> rpo = stored.or(() -> e == null ? Optional.empty() : e.newestCopy(s))
                    .map(t -> t.isAfter(now) ? Duration.ZERO : Duration.between(t, now));
            out.add(new SiteRecovery(
                    s.name(), s.rpo(), s.rto(), rpo, evidence == null ? Optional.empty() : evidence.lastDrill(s)));
        }
        return out;
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
