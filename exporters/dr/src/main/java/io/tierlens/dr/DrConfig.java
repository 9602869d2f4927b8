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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
        Duration pushgatewayTimeout)
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

    /**
     * One site of the failover pair.
     *
     * @param name the {@code site} label, e.g. {@code aws} or {@code dr}
     * @param role which failover record set serves it
     * @param rpoTarget how old the newest usable copy may be (24h in the seed project)
     * @param rtoTarget how long a failover to this site may take (3h in the seed project)
     * @param copyJob the run-job job whose last success is the newest copy usable by this site (the nightly dump
     *     to the DR site); its data time is the start of that run
     * @param copyInstance the job's {@code instance} label, if several instances push it
     * @param drillJob the run-job job that performs the failover drill onto this site; its duration is the RTO
     */
    public record SiteConfig(
            String name,
            FailoverRole role,
            Duration rpoTarget,
            Duration rtoTarget,
            String copyJob,
            String copyInstance,
            String drillJob)
            implements ConfigChecked {
        public SiteConfig {
            name = name == null ? "" : name.strip();
            copyJob = copyJob == null ? "" : copyJob.strip();
            copyInstance = copyInstance == null ? "" : copyInstance.strip();
            drillJob = drillJob == null ? "" : drillJob.strip();
        }

        public Optional<Duration> rpo() {
            return Optional.ofNullable(rpoTarget);
        }

        public Optional<Duration> rto() {
            return Optional.ofNullable(rtoTarget);
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (name.isEmpty()) {
                problems.add(ConfigProblems.join(path, "name"), "a site needs a name", "e.g. name: dr");
            }
            if (role == null) {
                problems.add(ConfigProblems.join(path, "role"), "a site needs a role", "primary or secondary");
            }
            if (rpoTarget != null && rpoTarget.isZero()) {
                problems.add(ConfigProblems.join(path, "rpo_target"), "must be longer than 0s", "e.g. 24h");
            }
            if (rtoTarget != null && rtoTarget.isZero()) {
                problems.add(ConfigProblems.join(path, "rto_target"), "must be longer than 0s", "e.g. 3h");
            }
        }
    }

    /**
     * A failover record: the PRIMARY and SECONDARY record sets of one name and type in one hosted zone.
     *
     * @param name the record name, e.g. {@code shop.example.com}
     * @param hostedZoneId the public hosted zone, e.g. {@code Z0123456789ABCDEFGHIJ}
     * @param type A (default), AAAA or CNAME
     * @param accountId the account of the hosted zone; empty means the first watched account
     */
    public record RecordConfig(String name, String hostedZoneId, String type, String accountId)
            implements ConfigChecked {
        private static final Pattern ZONE = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");
        private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME");

        public RecordConfig {
            name = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
            name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            hostedZoneId = hostedZoneId == null ? "" : hostedZoneId.strip();
            hostedZoneId = hostedZoneId.startsWith("/hostedzone/") ? hostedZoneId.substring(12) : hostedZoneId;
            type = type == null ? "A" : type.strip().toUpperCase(java.util.Locale.ROOT);
            accountId = accountId == null ? "" : accountId.strip();
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (name.isEmpty() || !name.contains(".")) {
                problems.add(ConfigProblems.join(path, "name"), "a record needs a DNS name", "e.g. shop.example.com");
            }
            if (!ZONE.matcher(hostedZoneId).matches()) {
                problems.add(
                        ConfigProblems.join(path, "hosted_zone_id"),
                        "missing or not a hosted zone id",
                        "copy it from the Route53 console, e.g. Z0123456789ABCDEFGHIJ");
            }
            if (!TYPES.contains(type)) {
                problems.add(
                        ConfigProblems.join(path, "type"), "unsupported type \"" + type + "\"", "A, AAAA or CNAME");
            }
            if (!accountId.isEmpty() && !accountId.matches("\\d{12}")) {
                problems.add(ConfigProblems.join(path, "account_id"), "an account id has 12 digits", "quote it");
            }
        }
    }

    /**
     * An HTTP(S) endpoint to probe, blackbox_exporter style.
     *
     * @param name the {@code target} label, e.g. {@code shop-primary}
     * @param site the {@code site} label (a name under {@code sites} when sites are configured)
     * @param url what to GET; redirects are followed
     * @param timeout limit for the whole probe, default 10s
     * @param validStatusCodes status codes that count as success; empty (default) means 200–299. A maintenance
     *     page usually answers 503: list it here for that probe.
     * @param bodyRegex when set, the body (its first MiB) must contain a match
     * @param insecureSkipVerify accept any certificate for the HTTP request (the TLS expiry is read either way)
     */
    public record ProbeConfig(
            String name,
            String site,
            String url,
            Duration timeout,
            List<Integer> validStatusCodes,
            String bodyRegex,
            Boolean insecureSkipVerify)
            implements ConfigChecked {
        public ProbeConfig {
            name = name == null ? "" : name.strip();
            site = site == null ? "" : site.strip();
            url = url == null ? "" : url.strip();
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            validStatusCodes = validStatusCodes == null ? List.of() : List.copyOf(validStatusCodes);
            bodyRegex = bodyRegex == null ? "" : bodyRegex;
            insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
        }

        public boolean statusOk(int status) {
            return validStatusCodes.isEmpty() ? status >= 200 && status < 300 : validStatusCodes.contains(status);
        }

        public Optional<Pattern> bodyPattern() {
            return bodyRegex.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(bodyRegex));
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (name.isEmpty()) {
                problems.add(ConfigProblems.join(path, "name"), "a probe needs a name", "e.g. name: shop-primary");
            }
            if (site.isEmpty()) {
                problems.add(ConfigProblems.join(path, "site"), "a probe needs a site", "e.g. site: dr");
            }
            if (!httpUrl(url)) {
                problems.add(
                        ConfigProblems.join(path, "url"),
                        "missing or not an http(s) URL",
                        "write e.g. https://shop.example.com/health");
            }
            if (timeout.isZero()) {
                problems.add(ConfigProblems.join(path, "timeout"), "must be longer than 0s", "the default is 10s");
            }
            for (int i = 0; i < validStatusCodes.size(); i++) {
                int code = validStatusCodes.get(i);
                if (code < 100 || code > 599) {
                    problems.add(
                            ConfigProblems.join(path, "valid_status_codes") + "[" + i + "]",
                            code + " is not an HTTP status code",
                            "use codes between 100 and 599");
                }
            }
            try {
                bodyPattern();
            } catch (PatternSyntaxException e) {
                problems.add(
                        ConfigProblems.join(path, "body_regex"),
                        "not a valid regular expression: " + e.getDescription(),
                        "use Java regex syntax, e.g. (?i)maintenance");
            }
        }
    }
}
