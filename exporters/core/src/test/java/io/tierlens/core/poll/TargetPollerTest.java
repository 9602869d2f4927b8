package io.tierlens.core.poll;

import static io.tierlens.core.poll.PollFixtures.AWS_MESSAGE;
import static io.tierlens.core.poll.PollFixtures.accessDenied;
import static io.tierlens.core.poll.PollFixtures.cpu;
import static io.tierlens.core.poll.PollFixtures.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.poll.Discovery.Discovered;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The per-target poller under the real CloudWatch planner, on a clock the test moves. */
class TargetPollerTest {
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration MAX_STALENESS = Duration.ofMinutes(10);

    /** Databases the fake discovery finds; each is one CloudWatch query. */
    private final List<String> databases = new ArrayList<>(List.of("db-1"));

    private Supplier<RuntimeException> discoveryFailure;
    private int discoveries;

    private Discovered<List<String>> discover() {
        discoveries++;
        if (discoveryFailure != null) {
            throw discoveryFailure.get();
        }
        return Discovered.of(List.copyOf(databases));
    }

    private TargetPoller<List<String>> poller(TestEnvironment env, List<? extends RefreshPart<List<String>>> parts) {
        return new TargetPoller<>(
                "rds",
                TestEnvironment.TARGET,
                new TargetPoller.Schedule(INTERVAL, MAX_STALENESS),
                this::discover,
                dbs -> dbs.stream().map(PollFixtures::cpu).toList(),
                parts,
                env.planner,
                env.clock);
    }

    @Test
    void aFailedDiscoveryStillJoinsTheRoundSoTheOtherExportersDoNotWait() throws Exception {
        // An hour's gather window: were the round not joined, the other exporter would hang for it.
        TestEnvironment env = new TestEnvironment(Duration.ofHours(1));
        env.planner.expect("alb", TestEnvironment.TARGET);
        discoveryFailure = PollFixtures::accessDenied;
        TargetPoller<List<String>> poller = poller(env, List.of());
        MetricQuery albQuery = cpu("stands-in-for-an-alb-query");

        CompletableFuture<Map<MetricQuery, MetricValue>> alb = CompletableFuture.supplyAsync(() -> {
            try {
                return env.planner.fetch("alb", TestEnvironment.TARGET, List.of(albQuery));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        PollOutcome outcome = poller.poll();

        alb.get(10, TimeUnit.SECONDS);
        assertThat(outcome.totalFailure()).isTrue();
        assertThat(env.cloudWatchApi.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.metricQueries()).containsExactly(albQuery));
    }

    /** The ALB exporter's side of the round: one query, fetched on another thread; failures count as done. */
    private static CompletableFuture<Void> albFetches(TestEnvironment env) {
        return CompletableFuture.runAsync(() -> {
            try {
                env.planner.fetch("alb", TestEnvironment.TARGET, List.of(cpu("stands-in-for-an-alb-query")));
            } catch (Exception e) {
                // A failed round is still a round that ran.
            }
        });
    }

    @Test
    void everyPollSubmitsOnceWhateverFails() throws Exception {
        TestEnvironment env = new TestEnvironment(Duration.ofHours(1));
        env.planner.expect("alb", TestEnvironment.TARGET);
        TargetPoller<List<String>> poller = poller(
                env,
                List.of(new KeptRead<List<String>, String>(
                        "extra",
                        "the extra read failed",
                        dbs -> {
                            throw new IllegalStateException("boom");
                        },
                        env.clock,
                        MAX_STALENESS)));
        CompletableFuture<Void> alb = albFetches(env);
        poller.poll();
        alb.get(10, TimeUnit.SECONDS);

        env.cloudWatchApi.fail(PollFixtures::throttled);
        discoveryFailure = () -> new IllegalStateException("no client");
        for (int i = 0; i < 3; i++) {
            env.clock.advance(INTERVAL);
            alb = albFetches(env);
            PollOutcome o = poller.poll();
            // Well within the hour: each poll's submission completed the round.
            alb.get(10, TimeUnit.SECONDS);
            assertThat(o.totalFailure()).isTrue();
            assertThat(o.failures())
                    .extracting(PollOutcome.PartFailure::part)
                    .containsExactly(TargetPoller.DISCOVERY, TargetPoller.CLOUDWATCH, "extra");
        }
        // One shared GetMetricData per round.
        assertThat(env.cloudWatchApi.calls())
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.size()).isEqualTo(2));
    }

    @Test
    void discoveryRunsOnItsIntervalAndIsRetriedAtOnceAfterAFailure() throws Exception {
        TestEnvironment env = new TestEnvironment();
        TargetPoller<List<String>> poller = poller(env, List.of());

        poller.poll();
        env.clock.advance(Duration.ofMinutes(4));
        poller.poll();
        assertThat(discoveries).isEqualTo(1);

        env.clock.advance(Duration.ofMinutes(1));
        discoveryFailure = PollFixtures::throttled;
        PollOutcome failed = poller.poll();
        discoveryFailure = null;
        env.clock.advance(Duration.ofMinutes(1));
        poller.poll();

        assertThat(discoveries).isEqualTo(3);
        assertThat(failed.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("keeping the previous inventory"));
        // Discovery failed but CloudWatch for the kept inventory worked: not a total failure.
        assertThat(failed.totalFailure()).isFalse();
        assertThat(failed.succeeded()).containsExactly(TargetPoller.CLOUDWATCH);
    }

    @Test
    void partsFailIndependentlyAndKeepTheirLastResult() throws Exception {
        TestEnvironment env = new TestEnvironment();
        env.cloudWatchApi.answer(q -> java.util.Optional.of(40.0));
        List<String> extraAnswers = new ArrayList<>(List.of("first", "second"));
        KeptRead<List<String>, String> extra = new KeptRead<>(
                "extra",
                "the extra read failed",
                dbs -> {
                    if (extraAnswers.isEmpty()) {
                        throw throttled();
                    }
                    return extraAnswers.remove(0);
                },
                env.clock,
                MAX_STALENESS);
        TargetPoller<List<String>> poller = poller(env, List.of(extra));
        assertThat(poller.poll().failures()).isEmpty();
        MetricValue fetched = new MetricValue(40.0, TestEnvironment.NEWEST_PERIOD_START, Duration.ofSeconds(60), false);

        // CloudWatch fails, the extra read works: CloudWatch's last values stay.
        env.clock.advance(Duration.ofMinutes(1));
        env.cloudWatchApi.fail(PollFixtures::accessDenied);
        PollOutcome cloudWatchDown = poller.poll();

        assertThat(cloudWatchDown.totalFailure()).isFalse();
        assertThat(cloudWatchDown.succeeded()).containsExactly("extra");
        assertThat(cloudWatchDown.failures())
                .extracting(PollOutcome.PartFailure::part, PollOutcome.PartFailure::reason)
                .containsExactly(tuple(TargetPoller.CLOUDWATCH, FailureReason.ACCESS_DENIED));
        assertThat(poller.values(env.clock.instant())).containsValue(fetched);
        assertThat(extra.value(env.clock.instant())).contains("second");

        // The other way round.
        env.clock.advance(Duration.ofMinutes(1));
        env.cloudWatchApi.heal();
        PollOutcome extraDown = poller.poll();

        assertThat(extraDown.totalFailure()).isFalse();
        assertThat(extraDown.succeeded()).containsExactly(TargetPoller.CLOUDWATCH);
        assertThat(extraDown.failures())
                .extracting(PollOutcome.PartFailure::part, PollOutcome.PartFailure::reason)
                .containsExactly(tuple("extra", FailureReason.THROTTLED));
        assertThat(extra.value(env.clock.instant())).contains("second");
        assertThat(poller.servable(env.clock.instant())).isTrue();
    }

    @Test
    void keptResultsExpireAfterMaxStaleness() throws Exception {
        TestEnvironment env = new TestEnvironment();
        env.cloudWatchApi.answer(q -> java.util.Optional.of(40.0));
        TargetPoller<List<String>> poller = poller(env, List.of());
        poller.poll();

        // Everything fails from now on.
        env.cloudWatchApi.fail(PollFixtures::throttled);
        discoveryFailure = PollFixtures::throttled;
        env.clock.advance(MAX_STALENESS);
        assertThat(poller.poll().totalFailure()).isTrue();
        assertThat(poller.servable(env.clock.instant())).isTrue();
        assertThat(poller.values(env.clock.instant())).hasSize(1);

        env.clock.advance(Duration.ofSeconds(1));
        assertThat(poller.poll().totalFailure()).isTrue();
        assertThat(poller.servable(env.clock.instant())).isFalse();
        assertThat(poller.values(env.clock.instant())).isEmpty();

        // The inventory itself goes max_staleness after its next discovery was due.
        env.clock.advance(INTERVAL);
        poller.poll();
        assertThat(poller.inventory()).isEmpty();
    }

    @Test
    void failureMessagesNameTheTargetAndTheErrorCodeButNeverAwsText() throws Exception {
        TestEnvironment env = new TestEnvironment();
        discoveryFailure = PollFixtures::accessDenied;

        PollOutcome o = poller(env, List.of()).poll();

        assertThat(o.failures()).singleElement().satisfies(f -> {
            assertThat(f.part()).isEqualTo(TargetPoller.DISCOVERY);
            assertThat(f.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(f.message())
                    .isEqualTo("discovery failed for account=123456789012 region=eu-west-1: AccessDenied (HTTP 403)")
                    .doesNotContain(AWS_MESSAGE.substring(0, 20));
        });
        assertThat(o.toException("").getMessage()).doesNotContain("arn:aws:sts");
        assertThat(accessDenied().getMessage()).contains("arn:aws:sts");
    }

    @Test
    void totalFailureMeansSomethingWasTriedAndNothingWorked() throws Exception {
        TestEnvironment env = new TestEnvironment();
        databases.clear();
        TargetPoller<List<String>> poller = poller(env, List.of());

        // Discovery found nothing: it succeeded, and CloudWatch had nothing to ask.
        PollOutcome first = poller.poll();
        assertThat(first.succeeded()).containsExactly(TargetPoller.DISCOVERY);
        assertThat(first.totalFailure()).isFalse();

        // Nothing due and nothing to ask: nothing attempted, nothing failed.
        env.clock.advance(Duration.ofMinutes(1));
        PollOutcome idle = poller.poll();
        assertThat(idle.succeeded()).isEmpty();
        assertThat(idle.failures()).isEmpty();
        assertThat(idle.totalFailure()).isFalse();
        assertThat(poller.servable(env.clock.instant())).isTrue();

        // Discovery due and failing, nothing else to try.
        env.clock.advance(INTERVAL);
        discoveryFailure = PollFixtures::throttled;
        assertThat(poller.poll().totalFailure()).isTrue();
    }

    @Test
    void problemsOfADiscoveryThatWorkedAreFailuresButNotATotalFailure() throws Exception {
        TestEnvironment env = new TestEnvironment();
        TargetPoller<List<String>> poller = new TargetPoller<>(
                "rds",
                TestEnvironment.TARGET,
                new TargetPoller.Schedule(INTERVAL, MAX_STALENESS),
                () -> new Discovered<>(
                        List.<String>of(),
                        List.of(new io.tierlens.core.exporter.RefreshResult.PartialFailure(
                                FailureReason.ACCESS_DENIED, "pending maintenance left out"))),
                dbs -> List.of(),
                List.of(),
                env.planner,
                env.clock);

        PollOutcome o = poller.poll();

        assertThat(o.totalFailure()).isFalse();
        assertThat(o.partialFailures()).extracting(p -> p.reason()).containsExactly(FailureReason.ACCESS_DENIED);
    }
}
