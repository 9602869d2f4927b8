package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.dr.client.ResolverAddress;
import io.tierlens.dr.model.FailoverRole;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code exporters.dr:} — which site serves, whether the standby is ready, and whether RPO/RTO hold.
 *
 * @param enabled default false: the exporter needs the records and endpoints of your failover pair
 * @param refresh default 60s
 * @param maxStaleness default 10m
 * @param healthChecks Route53 health check ids to report; empty (default) reports every health check of the account
 * @param sites the primary and DR sites with their RPO/RTO targets and the jobs that prove them
 * @param records failover records (PRIMARY/SECONDARY record sets) whose serving site is detected
 * @param probes HTTP(S) endpoints probed each refresh
 * @param resolver DNS server for our own queries, {@code ip} or {@code ip:port}; empty (default) uses the first
 *     {@code nameserver} of {@code /etc/resolv.conf}
 * @param dnsTimeout limit per DNS attempt (two attempts), default 2s
 * @param pushgateway Pushgateway URL to read run-job results from (RPO and drills); empty turns that off
 * @param pushgatewayTimeout default 10s
 * @param azure the DR site on Azure: resource readiness and the newest dump in Blob storage (off by default)
 */
public record DrConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        List<String> healthChecks,
        List<SiteConfig> sites,
        List<RecordConfig> records,
        List<ProbeConfig> probes,
        String resolver,
        Duration dnsTimeout,
        String pushgateway,
        Duration pushgatewayTimeout,
        AzureConfig azure)
        implements ExporterSettings, ConfigChecked {

    public DrConfig {
        enabled = enabled != null && enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(10) : maxStaleness;
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        sites = sites == null ? List.of() : List.copyOf(sites);
        records = records == null ? List.of() : List.copyOf(records);
        probes = probes == null ? List.of() : List.copyOf(probes);
        resolver = resolver == null ? "" : resolver.strip();
        dnsTimeout = dnsTimeout == null ? Duration.ofSeconds(2) : dnsTimeout;
        pushgateway = pushgateway == null ? "" : pushgateway.strip();
        pushgatewayTimeout = pushgatewayTimeout == null ? Duration.ofSeconds(10) : pushgatewayTimeout;
        azure = azure == null ? AzureConfig.none() : azure;
    }

    /** Without an Azure side. */
    public DrConfig(
            Boolean enabled,
            Duration refresh,
            Duration maxStaleness,
            List<String> healthChecks,
            List<SiteConfig> sites,
            List<RecordConfig> records,
            List<ProbeConfig> probes,
            String resolver,
            Duration dnsTimeout,
            String pushgateway,
            Duration pushgatewayTimeout) {
        this(
                enabled,
                refresh,
                maxStaleness,
                healthChecks,
                sites,
                records,
                probes,
                resolver,
                dnsTimeout,
                pushgateway,
                pushgatewayTimeout,
                null);
    }

    /** The configured site that plays {@code role}, if any. */
    public Optional<SiteConfig> site(FailoverRole role) {
        return sites.stream().filter(s -> s.role() == role).findFirst();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        Set<String> siteNames = new HashSet<>();
        Set<FailoverRole> roles = new HashSet<>();
        for (int i = 0; i < sites.size(); i++) {
            SiteConfig s = sites.get(i);
            String at = ConfigProblems.join(path, "sites") + "[" + i + "]";
            if (!siteNames.add(s.name())) {
                problems.add(at + ".name", "site \"" + s.name() + "\" is listed twice", "give each site one entry");
            }
            if (!roles.add(s.role())) {
                problems.add(
                        at + ".role",
                        "a second " + s.role().label() + " site",
                        "a failover pair has one primary and one secondary site");
            }
            if ((!s.copyJob().isEmpty() || !s.drillJob().isEmpty()) && pushgateway.isEmpty()) {
                problems.add(
                        at,
                        "copy_job and drill_job are read from the Pushgateway, but exporters.dr.pushgateway is not set",
                        "set pushgateway: http://pushgateway:9091");
            }
        }
        Set<String> probeNames = new HashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeConfig p = probes.get(i);
            String at = ConfigProblems.join(path, "probes") + "[" + i + "]";
            if (!probeNames.add(p.name())) {
                problems.add(at + ".name", "probe \"" + p.name() + "\" is listed twice", "give each probe one name");
            }
            if (!sites.isEmpty() && !siteNames.contains(p.site())) {
                problems.add(
                        at + ".site",
                        "unknown site \"" + p.site() + "\"",
                        "use one of the names under sites: " + String.join(", ", siteNames));
            }
            if (p.timeout().compareTo(refresh) >= 0) {
                problems.add(at + ".timeout", "is not shorter than refresh", "probes must finish within a refresh");
            }
        }
        if (azure.enabled() && !sites.isEmpty() && !siteNames.contains(azure.site())) {
            problems.add(
                    ConfigProblems.join(ConfigProblems.join(path, "azure"), "site"),
                    "unknown site \"" + azure.site() + "\"",
                    "use one of the names under sites: " + String.join(", ", siteNames));
        }
        if (!resolver.isEmpty() && ResolverAddress.parse(resolver).isEmpty()) {
            problems.add(
                    ConfigProblems.join(path, "resolver"),
                    "expected an IP address with an optional port, got \"" + resolver + "\"",
                    "write e.g. 10.0.0.2, 10.0.0.2:53 or [fd00::2]:53 (a name would need DNS to find DNS)");
        }
        if (dnsTimeout.isZero() || dnsTimeout.compareTo(refresh) >= 0) {
            problems.add(ConfigProblems.join(path, "dns_timeout"), "must be between 0s and refresh", "use 2s");
        }
        if (!pushgateway.isEmpty() && !httpUrl(pushgateway)) {
            problems.add(
                    ConfigProblems.join(path, "pushgateway"),
                    "not an http(s) URL",
                    "write e.g. http://pushgateway.monitoring:9091");
        }
    }

    static boolean httpUrl(String text) {
        try {
            URI u = new URI(text);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
