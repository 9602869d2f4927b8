package io.tierlens.alb.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.alb.client.AlbApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.demo.DemoApiClients;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real runtime pieces (planner, self-metrics on a real registry) around fake AWS boundaries, on a clock the
 * test controls. The default time is 10:05:30, so the planner's newest complete period starts at 10:02:00.
 */
public final class TestEnvironment {
    public static final Instant START = Instant.parse("2026-11-21T10:05:30Z");
    public static final Instant NEWEST_PERIOD_START = Instant.parse("2026-11-21T10:02:00Z");
    public static final AwsTarget TARGET = AwsTarget.defaultCredentials(FakeAlbApi.ACCOUNT, FakeAlbApi.REGION);

    public final MutableClock clock = new MutableClock(START);
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final SelfMetrics self = new SelfMetrics(registry);
    public final FakeCloudWatchApi cloudWatchApi = new FakeCloudWatchApi();
    public final Map<String, FakeAlbApi> albApis = new HashMap<>();
    public final CloudWatchPlanner planner;

    public TestEnvironment() {
        this(Duration.ofMillis(200));
    }

    /** @param gatherWindow how long the planner waits for the other expected exporters of a target */
    public TestEnvironment(Duration gatherWindow) {
        this.planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, Duration.ofSeconds(120), null, null, gatherWindow),
                t -> cloudWatchApi,
                clock,
                self);
    }

    public FakeAlbApi alb(AwsTarget target) {
        return albApis.computeIfAbsent(target.key(), k -> new FakeAlbApi(target.accountId(), target.region()));
    }

    public FakeAlbApi alb() {
        return alb(TARGET);
    }

    /** The fake ELBv2 API per target, as the exporter asks for it. */
    public Function<AwsTarget, AlbApi> apis() {
        return this::alb;
    }

    public ExporterEnvironment environment(List<AwsTarget> targets) {
        DemoApiClients clients = new DemoApiClients();
        clients.register(AlbApi.class, this::alb);
        return new ExporterEnvironment(clock, targets, clients, planner, self);
    }

    public ExporterEnvironment environment() {
        return environment(List.of(TARGET));
    }
}
