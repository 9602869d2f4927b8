package io.tierlens.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsPollerTest {
    private final TestEnvironment env = new TestEnvironment();
    private boolean secondFails;

    private final KeptRead<AwsTarget, String> first =
            new KeptRead<>("first", "first failed", t -> "one", env.clock, Duration.ofMinutes(10));
    private final KeptRead<AwsTarget, String> second = new KeptRead<>(
            "second",
            "second failed",
            t -> {
                if (secondFails) {
                    throw PollFixtures.throttled();
                }
                return "two";
            },
            env.clock,
            Duration.ofMinutes(10));
    private final PartsPoller poller = new PartsPoller(TestEnvironment.TARGET, List.of(first, second));

    @Test
    void partsFailOnTheirOwnAndKeepTheirLastResult() {
        poller.poll();
        secondFails = true;
        env.clock.advance(Duration.ofMinutes(5));

        PollOutcome o = poller.poll();

        assertThat(o.succeeded()).containsExactly("first");
        assertThat(o.totalFailure()).isFalse();
        assertThat(o.failures()).singleElement().satisfies(f -> {
            assertThat(f.part()).isEqualTo("second");
            assertThat(f.reason()).isEqualTo(FailureReason.THROTTLED);
            assertThat(f.message())
                    .isEqualTo("second failed for account=123456789012 region=eu-west-1; keeping the previous"
                            + " result: Throttling (HTTP 400)");
        });
        assertThat(second.value(env.clock.instant())).contains("two");
        assertThat(poller.servable(env.clock.instant())).isTrue();

        env.clock.advance(Duration.ofMinutes(6));
        poller.poll();
        assertThat(second.value(env.clock.instant())).isEmpty();
        assertThat(first.value(env.clock.instant())).contains("one");
    }

    @Test
    void everyPartFailingIsATotalFailureAndNothingIsServable() {
        secondFails = true;
        PartsPoller onlySecond = new PartsPoller(TestEnvironment.TARGET, List.of(second));

        PollOutcome o = onlySecond.poll();

        assertThat(o.totalFailure()).isTrue();
        assertThat(o.firstFailure())
                .hasValueSatisfying(f -> assertThat(f.part()).isEqualTo("second"));
        assertThat(onlySecond.servable(env.clock.instant())).isFalse();
    }
}
