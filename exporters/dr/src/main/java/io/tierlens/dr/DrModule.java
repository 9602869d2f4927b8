package io.tierlens.dr;

import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.dr.client.DnsJavaResolver;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.HttpProber;
import io.tierlens.dr.client.Prober;
import io.tierlens.dr.client.PushgatewayEvidenceSource;
import io.tierlens.dr.client.RecoveryEvidenceSource;
import io.tierlens.dr.client.ResolverAddress;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.client.SdkRoute53Api;
import io.tierlens.dr.discovery.Route53Inventory;
import io.tierlens.dr.model.HealthCheck;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.client.PushgatewayApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;

/** {@code exporters.dr}: which site serves, whether the standby is ready, and whether RPO/RTO hold. */
public final class DrModule implements ExporterModule<DrConfig> {
    private static final Logger log = LoggerFactory.getLogger(DrModule.class);
    public static final String NAME = "dr";

    /**
     * The key under which non-AWS clients (DNS, prober, Pushgateway) are kept in {@link ApiClients}, which is
     * keyed by AWS target.
     */
    public static final AwsTarget LOCAL = new AwsTarget("", "local", "local", Optional.empty(), Optional.empty());

    static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    /** The default cloudwatch.period: an offline plan gets the inventory only, not the core config. */
    private static final java.time.Duration PLAN_PERIOD = java.time.Duration.ofSeconds(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DrConfig> configType() {
        return DrConfig.class;
    }

    @Override
    public Exporter create(DrConfig config, ExporterEnvironment env) {
        List<AwsTarget> accounts = accounts(env.targets());
        accounts.forEach(a -> env.cloudWatch().expect(NAME, a));
        if (accounts.isEmpty() && !config.records().isEmpty()) {
            log.warn("exporters.dr: no AWS account is watched (set regions:), so Route53 health checks and records"
                    + " cannot be read; only probes and recovery evidence are reported");
        }
        ApiClients c = env.clients();
        DrExporter.Clients clients = new DrExporter.Clients(
                t -> c.get(
                        Route53Api.class, t, x -> new SdkRoute53Api(c.factory().build(Route53Client.builder(), x))),
                c.get(DnsResolver.class, LOCAL, t -> liveResolver(config)),
                c.get(Prober.class, LOCAL, t -> new HttpProber()),
                config.pushgateway().isEmpty()
                        ? RecoveryEvidenceSource.NONE
                        : new PushgatewayEvidenceSource(c.get(
                                PushgatewayApi.class,
                                LOCAL,
                                t -> new HttpPushgatewayApi(
                                        URI.create(config.pushgateway()), config.pushgatewayTimeout()))),
                AzureWiring.clients(config.azure(), c));
        return new DrExporter(config, accounts, clients, env.cloudWatch(), env.clock());
    }

    /** One target per account, in us-east-1: Route53 and its CloudWatch metrics are global, served from there. */
    static List<AwsTarget> accounts(List<AwsTarget> targets) {
        Map<String, AwsTarget> byAccount = new LinkedHashMap<>();
        for (AwsTarget t : targets) {
            byAccount.putIfAbsent(t.accountId(), t.inRegion(Route53Inventory.METRICS_REGION));
        }
        return new ArrayList<>(byAccount.values());
    }

    private static DnsResolver liveResolver(DrConfig config) {
        Optional<InetSocketAddress> server;
        String source;
        if (!config.resolver().isEmpty()) {
            server = ResolverAddress.parse(config.resolver());
            source = "exporters.dr.resolver";
        } else {
            source = RESOLV_CONF.toString();
            try {
                server = ResolverAddress.fromResolvConf(RESOLV_CONF);
            } catch (IOException e) {
                server = Optional.empty();
            }
        }
        if (server.isEmpty()) {
            log.warn(
                    "exporters.dr: no DNS server found in {}; records cannot be resolved (set exporters.dr.resolver)",
                    source);
            String why = "no DNS server configured (set exporters.dr.resolver)";
            return (name, type) -> {
                throw new IOException(why);
            };
        }
        log.info("exporters.dr: DNS queries go to {} (from {})", server.get(), source);
        return new DnsJavaResolver(server.get(), config.dnsTimeout(), 2);
    }

    @Override
    public List<String> inventoryKinds() {
        return List.of("health_check");
    }

    /** One HealthCheckStatus query per health check (offline plans count them in every listed region). */
    @Override
    public List<MetricQuery> plannedQueries(DrConfig config, Map<String, Integer> inventory) {
        int n = inventory.getOrDefault("health_check", 0);
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Route53Inventory.statusQuery("planned-" + i, PLAN_PERIOD));
        }
        return out;
    }

    /** The health checks of the target's account, counted once per account (at its first target). */
    @Override
    public List<MetricQuery> discoverQueries(DrConfig config, ExporterEnvironment env, AwsTarget target) {
        boolean firstOfAccount = env.targets().stream()
                .filter(t -> t.accountId().equals(target.accountId()))
                .findFirst()
                .map(t -> t.key().equals(target.key()))
                .orElse(false);
        if (!firstOfAccount) {
            return List.of();
        }
        AwsTarget global = target.inRegion(Route53Inventory.METRICS_REGION);
        Route53Api api = env.clients()
                .get(
                        Route53Api.class,
                        global,
                        x -> new SdkRoute53Api(env.clients().factory().build(Route53Client.builder(), x)));
        return api.listHealthChecks().stream()
                .filter(c ->
                        config.healthChecks().isEmpty() || config.healthChecks().contains(c.id()))
                .map(HealthCheck::id)
                .map(id -> Route53Inventory.statusQuery(
                        id, env.cloudWatch().config().period()))
                .toList();
    }
}
