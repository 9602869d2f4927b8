package io.tierlens.demo.dr;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import io.tierlens.demo.batch.NightlyJobStory;
import io.tierlens.demo.dr.azure.SimulatedAzureSite;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.HttpProber;
import io.tierlens.dr.client.Prober;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.model.DnsAnswer;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.client.PushgatewayApi;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.PushedGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The DR exporter's part of {@code tierlens demo}: simulated Route53 (API and {@code AWS/Route53} metrics), a
 * simulated DNS answer instead of real DNS, real local servers for the probes, and the Pushgateway: the demo's
 * read-only {@code DemoPushgateway} read over HTTP, or (in tests) the {@link NightlyJobStory}'s groups fed straight
 * into the exporter's {@link PushgatewayApi}. Everything follows the {@link FailoverDrill}.
 */
public final class DrDemoSimulation implements DemoSimulation, AutoCloseable {
    private static final Duration PUSHGATEWAY_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final FailoverDrill drill;
    private final NightlyJobStory jobs;
    private final SimulatedRoute53 route53;
    private final DemoSites sites;
    private final SimulatedAzureSite azure;

    private final Optional<URI> pushgateway;

    public DrDemoSimulation(Scenario scenario, ApiCallRecorder recorder) {
        this(scenario, recorder, Optional.empty());
    }

    /**
     * @param pushgateway the demo's Pushgateway to read over HTTP with the production client, as from a real one;
     *     empty: the {@link NightlyJobStory}'s groups go straight into the exporter's client interface
     */
    public DrDemoSimulation(Scenario scenario, ApiCallRecorder recorder, Optional<URI> pushgateway) {
        this.pushgateway = pushgateway;
        this.clock = scenario.realClock();
        this.drill = new FailoverDrill(scenario);
        this.jobs = new NightlyJobStory(scenario);
        this.route53 = new SimulatedRoute53(drill, clock, recorder);
        this.azure = new SimulatedAzureSite(scenario);
        try {
            this.sites = new DemoSites(drill, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's local sites", e);
        }
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(Route53Api.class, t -> route53);
        clients.register(DnsResolver.class, t -> (DnsResolver) (name, type) -> answer(name));
        clients.register(Prober.class, t -> new HttpProber(sites::route));
        clients.register(
                PushgatewayApi.class,
                t -> pushgateway
                        .<PushgatewayApi>map(uri -> new HttpPushgatewayApi(uri, PUSHGATEWAY_TIMEOUT))
                        .orElseGet(StoryPushgateway::new));
        azure.install(clients);
    }

    @Override
    public List<SimulatedMetricSource> metricSources() {
        return List.of(route53);
    }

    /** The simulated resolver: the failover record follows the drill; every other name does not exist. */
    DnsAnswer answer(String name) {
        if (!FailoverRecordSet.normalize(name).equals(FailoverDrill.RECORD)) {
            return new DnsAnswer(DnsAnswer.NXDOMAIN, List.of(), List.of(), false);
        }
        List<String> addresses =
                drill.dnsOnDr(clock.instant()) ? FailoverDrill.DR_ADDRESSES : FailoverDrill.PRIMARY_ADDRESSES;
        return new DnsAnswer(DnsAnswer.NOERROR, addresses, List.of(), false);
    }

    /** What a Pushgateway fed by run-job would hold: read-only, from the story. */
    private final class StoryPushgateway implements PushgatewayApi {
        @Override
        public void pushAdd(GroupingKey key, MetricSnapshots metrics) throws IOException {
            throw new IOException("the demo's Pushgateway is simulated and read-only");
        }

        @Override
        public List<PushedGroup> groups() {
            return jobs.pushedGroups(clock.instant());
        }
    }

    @Override
    public void close() {
        sites.close();
    }
}
