package io.tierlens.core.poll;

import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.testing.LogCapture;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The refresh loop over targets, with parts-only pollers whose reads the test scripts per target. */
class TargetRefreshTest {
    private static final AwsTarget OTHER = AwsTarget.defaultCredentials("210987654321", "us-east-1");
    private static final Duration MAX_STALENESS = Duration.ofMinutes(10);

    private final TestEnvironment env = new TestEnvironment();
    /** Per target key: the value its read returns, or null to fail it with access denied. */
    private final Map<String, Double> answers = new HashMap<>();

    private KeptRead<AwsTarget, Double> read() {
        return new KeptRead<>(
                "reading",
                "reading failed",
                t -> {
                    Double v = answers.get(t.key());
                    if (v == null) {
                        throw PollFixtures.accessDenied();
                    }
                    return v;
                },
                env.clock,
                MAX_STALENESS);
    }

    private record Target(PartsPoller poller, KeptRead<AwsTarget, Double> read) {}

    private TargetRefresh<Target> refresh(List<AwsTarget> targets) {
        List<Target> all = targets.stream()
                .map(t -> {
                    KeptRead<AwsTarget, Double> r = read();
                    return new Target(new PartsPoller(t, List.of(r)), r);
                })
                .toList();
        return new TargetRefresh<>("test", all, Target::poller, env.clock, env.self);
    }

    private static RefreshResult run(TargetRefresh<Target> refresh) throws Exception {
        return refresh.refresh((out, t, now) -> t.read()
                .value(now)
                .ifPresent(v -> out.gauge("test_value", "A value.", "account_id")
                        .add(v, t.poller().target().accountId())));
    }

    @Test
    void oneFailingTargetIsAPartialFailureWhileTheOtherServes() throws Exception {
        answers.put(TestEnvironment.TARGET.key(), 1.0);
        RefreshResult r = run(refresh(List.of(TestEnvironment.TARGET, OTHER)));

        assertThat(value(r.data(), "test_value", "account_id", "123456789012")).contains(1.0);
        assertThat(value(r.data(), "test_value", "account_id", "210987654321")).isEmpty();
        assertThat(r.partialFailures()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(p.message()).contains("account=210987654321").doesNotContain("arn:aws:sts");
        });
        // A direct read of this refresh.
        assertThat(r.dataTimestamp()).isEqualTo(TestEnvironment.START);
        assertThat(r.targets())
                .extracting(TargetStatus::target, TargetStatus::reasons, TargetStatus::dataTimestamp)
                .containsExactly(
                        tuple("123456789012/eu-west-1", List.of(), Optional.of(TestEnvironment.START)),
                        tuple("210987654321/us-east-1", List.of(FailureReason.ACCESS_DENIED), Optional.empty()));
    }

    @Test
    void everyTargetFailingThrowsTheFirstReasonWithASafeMessage() {
        TargetRefresh<Target> refresh = refresh(List.of(TestEnvironment.TARGET, OTHER));

        assertThatThrownBy(() -> run(refresh)).isInstanceOfSatisfying(ExporterException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(e.getMessage())
                    .startsWith("every target failed, the first: reading failed for account=123456789012")
                    .doesNotContain("arn:aws:sts");
            // The runner marks exactly these targets down, each with its own reason.
            assertThat(e.targets())
                    .extracting(TargetStatus::target, TargetStatus::up)
                    .containsExactly(tuple("123456789012/eu-west-1", false), tuple("210987654321/us-east-1", false));
        });
    }

    @Test
    void keptDataIsServedWithItsOwnTimeUntilMaxStaleness() throws Exception {
        answers.put(TestEnvironment.TARGET.key(), 1.0);
        answers.put(OTHER.key(), 2.0);
        TargetRefresh<Target> refresh = refresh(List.of(TestEnvironment.TARGET, OTHER));
        run(refresh);

        answers.remove(OTHER.key());
        env.clock.advance(MAX_STALENESS);
        RefreshResult kept = run(refresh);
        assertThat(value(kept.data(), "test_value", "account_id", "210987654321"))
                .contains(2.0);

        assertThat(kept.targets().get(1).dataTimestamp()).contains(TestEnvironment.START);

        env.clock.advance(Duration.ofSeconds(1));
        RefreshResult expired;
        try (LogCapture log = LogCapture.of(TargetRefresh.class)) {
            expired = run(refresh);
            run(refresh);
            // Dropped with one WARN and a count, never silently.
            assertThat(log.warnings())
                    .singleElement()
                    .asString()
                    .contains("target=210987654321/us-east-1", "dropped its 1 series");
        }
        assertThat(Scraped.value(env.registry, "tierlens_series_expired_total", "exporter", "test"))
                .hasValue(1);
        assertThat(value(expired.data(), "test_value", "account_id", "210987654321"))
                .isEmpty();
        assertThat(expired.targets().get(1).dataTimestamp()).isEmpty();
        assertThat(value(expired.data(), "test_value", "account_id", "123456789012"))
                .contains(1.0);
    }

    @Test
    void noTargetsIsAnEmptySuccess() throws Exception {
        RefreshResult r = run(refresh(List.of()));

        assertThat(r.data()).isEmpty();
        assertThat(r.dataTimestamp()).isEqualTo(TestEnvironment.START);
    }

    @Test
    void theDataTimeIsTheNewestCloudWatchPeriodElseTheNewestRead() {
        DataTime times = new DataTime();
        Instant now = TestEnvironment.START;
        assertThat(times.resolve(now)).isEqualTo(now);

        times.read(now.minusSeconds(30));
        times.read(now.minusSeconds(90));
        assertThat(times.resolve(now)).isEqualTo(now.minusSeconds(30));

        times.measured(now.minusSeconds(300));
        times.measured(now.minusSeconds(200));
        assertThat(times.resolve(now)).isEqualTo(now.minusSeconds(200));
    }
}
