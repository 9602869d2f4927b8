package io.tierlens.dr.discovery;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.DrConfig;
import io.tierlens.dr.SiteConfig;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.DnsType;
import io.tierlens.dr.model.ActiveSite;
import io.tierlens.dr.model.DnsAnswer;
import io.tierlens.dr.model.FailoverRecord;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which site serves a failover record. Route53's health state says which record set it should answer
 * with; our own DNS query says which one resolvers actually get (they may hold the old answer for its TTL).
 * The DNS answer wins when it matches a record set; the health state is the fallback when the name does not
 * resolve or resolves to something neither set holds.
 */
public final class ActiveSiteDetector {
    private static final Logger log = LoggerFactory.getLogger(ActiveSiteDetector.class);

    private final DnsResolver resolver;
    private final DrConfig config;
    // Why DNS queries failed since the last drain: an unreachable resolver is a blind spot of the exporter
    // (target "dns"), although a name that does not resolve is data. Used from the refresh thread only.
    private final List<String> resolverFailures = new ArrayList<>();

    public ActiveSiteDetector(DnsResolver resolver, DrConfig config) {
        this.resolver = resolver;
        this.config = config;
    }

    /**
     * @param healthy health check id → Route53's aggregate health, for the checks whose state is known
     */
    public ActiveSite detect(FailoverRecord record, Map<String, Boolean> healthy) {
        Optional<DnsAnswer> answer = resolve(record.record(), DnsType.queryFor(record.type()));
        boolean resolved = answer.map(DnsAnswer::resolved).orElse(false);
        if (record.sets().isEmpty()) {
            return new ActiveSite(record.record(), Optional.empty(), List.of(), resolved, false);
        }
        Map<FailoverRecordSet, Set<String>> aliasAddresses = new HashMap<>();
        for (FailoverRecordSet s : record.sets()) {
            s.aliasTarget()
                    .ifPresent(alias -> aliasAddresses.put(
                            s,
                            resolve(alias, DnsType.queryFor(record.type()))
                                    .map(a -> Set.copyOf(a.addresses()))
                                    .orElse(Set.of())));
        }
        Optional<FailoverRecordSet> byHealth = byHealth(record.sets(), healthy);
        Optional<FailoverRecordSet> byDns =
                answer.filter(DnsAnswer::resolved).flatMap(a -> byAnswer(record.sets(), a, aliasAddresses));
        Optional<String> site = byDns.or(() -> byHealth).map(this::siteOf);
        boolean confirmed = byDns.isPresent() && byDns.map(this::siteOf).equals(byHealth.map(this::siteOf));
        Set<String> sites = new LinkedHashSet<>();
        record.sets().forEach(s -> sites.add(siteOf(s)));
        return new ActiveSite(record.record(), site, new ArrayList<>(sites), resolved, confirmed);
    }

    /** The site label of a record set: the configured site with its role, else its set identifier. */
    String siteOf(FailoverRecordSet set) {
        return config.site(set.role()).map(SiteConfig::name).orElse(set.setIdentifier());
    }

    /**
     * What Route53 answers with, by its rules: the primary while it is healthy, else a healthy secondary; when
     * all are unhealthy, the primary. A record set without a health check, or whose health is unknown, counts as
     * healthy.
     */
    static Optional<FailoverRecordSet> byHealth(List<FailoverRecordSet> sets, Map<String, Boolean> healthy) {
        Optional<FailoverRecordSet> primary = role(sets, FailoverRole.PRIMARY);
        Optional<FailoverRecordSet> secondary = role(sets, FailoverRole.SECONDARY);
        if (primary.isPresent() && healthy(primary.get(), healthy)) {
            return primary;
        }
        if (secondary.isPresent() && healthy(secondary.get(), healthy)) {
            return secondary;
        }
        return primary.or(() -> secondary);
    }

    /**
     * The record set the answer points at: one whose addresses (or alias target's addresses) appear in the
     * answer, or whose CNAME target is in the answer's chain. Empty when none or both match.
     */
    static Optional<FailoverRecordSet> byAnswer(
            List<FailoverRecordSet> sets, DnsAnswer answer, Map<FailoverRecordSet, Set<String>> aliasAddresses) {
        Set<String> answered = new HashSet<>(answer.addresses());
        answered.addAll(answer.canonicalNames());
        List<FailoverRecordSet> matching = new ArrayList<>();
        for (FailoverRecordSet s : sets) {
            Set<String> identity = new HashSet<>(s.values());
            s.aliasTarget().ifPresent(identity::add);
            identity.addAll(aliasAddresses.getOrDefault(s, Set.of()));
            if (identity.stream().anyMatch(answered::contains)) {
                matching.add(s);
            }
        }
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private static Optional<FailoverRecordSet> role(List<FailoverRecordSet> sets, FailoverRole role) {
        return sets.stream().filter(s -> s.role() == role).findFirst();
    }

    private static boolean healthy(FailoverRecordSet s, Map<String, Boolean> healthy) {
        return s.healthCheckId().map(id -> healthy.getOrDefault(id, true)).orElse(true);
    }

    /** The bounded reasons of the DNS queries that failed since the last call, each once. */
    public List<String> drainResolverFailures() {
        List<String> out = resolverFailures.stream().distinct().toList();
        resolverFailures.clear();
        return out;
    }

    private Optional<DnsAnswer> resolve(String name, DnsType type) {
        try {
            return Optional.of(resolver.resolve(name, type));
        } catch (IOException e) {
            // an unresolvable name is data (tierlens_dr_dns_resolution_success 0), not an exporter failure
            log.debug("DNS query for {} failed: {}", name, e.toString());
            resolverFailures.add(FailureReason.of(e));
            return Optional.empty();
        }
    }
}
