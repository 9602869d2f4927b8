package io.tierlens.core.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.inventory.InventoryBoard;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The real runtime pieces (CloudWatch planner, self-metrics on a real registry) around fake AWS boundaries, on a
 * clock the test controls. The default time is 10:05:30, so the planner's newest complete period starts at
 * 10:02:00. Exporters get the fakes registered with {@link #fakes} through {@code environment().clients()}.
 */
public final class TestEnvironment {
    public static final Instant START = Instant.parse("2026-11-21T10:05:30Z");
    public static final Instant NEWEST_PERIOD_START = Instant.parse("2026-11-21T10:02:00Z");
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";
    public static final AwsTarget TARGET = AwsTarget.defaultCredentials(ACCOUNT, REGION);

    public final MutableClock clock;
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final SelfMetrics self = new SelfMetrics(registry);
    public final FakeCloudWatchApi cloudWatchApi = new FakeCloudWatchApi();
    public final CloudWatchPlanner planner;
    /** The board every environment of this test environment shares, as the exporters of one process do. */
    public final InventoryBoard inventory = new InventoryBoard();

    private final FakeApiClients clients = new FakeApiClients();

    public TestEnvironment() {
        this(Duration.ofMillis(200));
    }

    /** @param gatherWindow how long the planner waits for the other expected exporters of a target */
    public TestEnvironment(Duration gatherWindow) {
        this(START, gatherWindow);
    }

    public TestEnvironment(Instant start, Duration gatherWindow) {
        this.clock = new MutableClock(start);
        this.planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, Duration.ofSeconds(120), null, null, gatherWindow),
                t -> cloudWatchApi,
                clock,
                self);
    }

    /**
     * One fake of the client interface {@code api} per target, made by {@code make} on first use; exporters built
     * on {@link #environment} get them as their clients.
     */
    public <A, F extends A> Fakes<F> fakes(Class<A> api, Function<AwsTarget, F> make) {
        Fakes<F> fakes = new Fakes<>(make);
        clients.register(api, fakes);
        return fakes;
    }

    public ExporterEnvironment environment(List<AwsTarget> targets) {
        return new ExporterEnvironment(clock, targets, clients, planner, self, inventory);
    }

    public ExporterEnvironment environment() {
        return environment(List.of(TARGET));
    }

    /** The fakes of one client interface, per target; also the per-target function exporters take. */
    public static final class Fakes<F> implements Function<AwsTarget, F> {
        private final Function<AwsTarget, F> make;
        private final Map<String, F> byTarget = new ConcurrentHashMap<>();

        private Fakes(Function<AwsTarget, F> make) {
            this.make = make;
        }

        @Override
        public F apply(AwsTarget target) {
            return byTarget.computeIfAbsent(target.key(), k -> make.apply(target));
        }

        /** The fake of {@link #TARGET}. */
        public F get() {
            return apply(TARGET);
        }
    }
}
