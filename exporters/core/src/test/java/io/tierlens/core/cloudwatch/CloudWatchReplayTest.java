package io.tierlens.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.FakeCloudWatchApi;
import io.tierlens.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-datapoint fetch and replay: one period served per refresh, at a constant lag, none twice, none skipped. */
class CloudWatchReplayTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration TREND = Duration.ofMinutes(15);
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("123456789012", "eu-west-1");
    private static final Instant DATA_FROM = Instant.parse("2026-01-01T10:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:30Z");
    private final SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
    private final FakeCloudWatchApi cloudWatch = new FakeCloudWatchApi();

    private CloudWatchPlanner planner() {
        return new CloudWatchPlanner(
                new CloudWatchConfig(MINUTE, SETTLE, 5, 500, Duration.ofSeconds(1)), t -> cloudWatch, clock, self);
    }

    private static MetricQuery trendGauge(Duration period) {
        return new MetricQuery(
                "AWS/RDS",
                "FreeableMemory",
                Map.of("DBInstanceIdentifier", "db1"),
                "Minimum",
                period,
                false,
                Freshness.trend(TREND));
    }

    private static MetricQuery alertingCounter() {
        return new MetricQuery(
                "AWS/ApplicationELB",
                "RequestCount",
                Map.of("LoadBalancer", "app/lb/1"),
                "Sum",
                MINUTE,
                true,
                Freshness.alerting(Duration.ofMinutes(2)));
    }

    /** One datapoint per minute whose value is its minute since DATA_FROM, so a value names its period. */
    private void fillMinutes(MetricQuery q, int minutes) {
        for (int i = 0; i < minutes; i++) {
            cloudWatch.put(q, DATA_FROM.plus(MINUTE.multipliedBy(i)), i);
        }
    }

    private MetricValue refresh(CloudWatchPlanner planner, MetricQuery q) throws Exception {
        return planner.fetch("rds", TARGET, List.of(q)).get(q);
    }

    @Test
    void servesEveryMinuteInOrderAtAConstantLagFromAFetchEveryFifteenMinutes() throws Exception {
        MetricQuery q = trendGauge(MINUTE);
        fillMinutes(q, 240);
        CloudWatchPlanner planner = planner();
        ReplaySchedule schedule = ReplaySchedule.of(q, SETTLE, 5);
        List<Instant> served = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            MetricValue v = refresh(planner, q);
            served.add(v.periodStart());
            Duration lag = Duration.between(v.periodEnd(), clock.instant());
            assertThat(lag).isBetween(schedule.minLag(), schedule.maxLag());
            assertThat(v.value())
                    .isEqualTo(Duration.between(DATA_FROM, v.periodStart()).toMinutes());
            clock.advance(MINUTE);
        }
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i)).isEqualTo(served.get(i - 1).plus(MINUTE));
        }
        // 45 minutes of one-minute samples from four fetches: the first two (start-up, then aligning to the
        // 15-minute grid), then one every 15 minutes.
        assertThat(cloudWatch.calls()).hasSize(4);
        assertThat(cloudWatch.calls().get(2).end()).isEqualTo("2026-01-01T12:15:00Z");
        assertThat(schedule.minLag()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void alertingClassLagsAtMostThreeMinutesWhileFetchingEveryTwo() throws Exception {
        MetricQuery q = alertingCounter();
        fillMinutes(q, 240);
        CloudWatchPlanner planner = planner();
        for (int i = 0; i < 20; i++) {
            MetricValue v = planner.fetch("alb", TARGET, List.of(q)).get(q);
            assertThat(Duration.between(v.periodEnd(), clock.instant())).isLessThan(Duration.ofMinutes(3));
            clock.advance(MINUTE);
        }
        assertThat(cloudWatch.calls()).hasSizeBetween(10, 11);
    }

    @Test
    void aLateRefreshServesTheMissedPeriodInsteadOfSkippingIt() throws Exception {
        MetricQuery q = trendGauge(MINUTE);
        fillMinutes(q, 240);
        CloudWatchPlanner planner = planner();
        Instant first = refresh(planner, q).periodStart();
        clock.advance(Duration.ofSeconds(130)); // one refresh arrived late: two periods became due
        Instant second = refresh(planner, q).periodStart();
        clock.advance(Duration.ofSeconds(50));
        Instant third = refresh(planner, q).periodStart();

        assertThat(second).isEqualTo(first.plus(MINUTE));
        assertThat(third).isEqualTo(second.plus(MINUTE));
    }

    @Test
    void afterAnOutageServingResumesAtTheScheduledPeriodAndNeverRepeats() throws Exception {
        MetricQuery q = trendGauge(MINUTE);
        fillMinutes(q, 240);
        CloudWatchPlanner planner = planner();
        Instant before = refresh(planner, q).periodStart();
        clock.advance(Duration.ofMinutes(7));
        MetricValue after = refresh(planner, q);

        assertThat(after.periodStart()).isEqualTo(before.plus(Duration.ofMinutes(7)));
        assertThat(after.periodStart())
                .isEqualTo(ReplaySchedule.of(q, SETTLE, 5).servedPeriodStart(clock.instant()));
        // a second refresh within the same minute hands out the same period, not the next one
        clock.advance(Duration.ofSeconds(20));
        assertThat(refresh(planner, q)).isEqualTo(after);
    }

    @Test
    void aRestartInTheMiddleOfAWindowContinuesWithTheNextPeriod() throws Exception {
        MetricQuery q = trendGauge(MINUTE);
        fillMinutes(q, 240);
        CloudWatchPlanner old = planner();
        clock.set(Instant.parse("2026-01-01T12:04:30Z"));
        Instant lastBeforeRestart = refresh(old, q).periodStart();
        int callsBefore = cloudWatch.calls().size();

        clock.advance(MINUTE); // restarted: a new planner with nothing buffered, 7 minutes into a 15-minute window
        CloudWatchPlanner restarted = planner();
        Instant firstAfterRestart = refresh(restarted, q).periodStart();

        assertThat(firstAfterRestart).isEqualTo(lastBeforeRestart.plus(MINUTE));
        assertThat(cloudWatch.calls()).hasSize(callsBefore + 1);
        FakeCloudWatchApi.Call call = cloudWatch.calls().get(callsBefore);
        assertThat(call.start()).isBeforeOrEqualTo(firstAfterRestart);
    }

    @Test
    void aDatapointArrivingAfterTheFetchButBeforeItIsServedIsServed() throws Exception {
        MetricQuery q = alertingCounter();
        CloudWatchPlanner planner = planner();
        clock.set(Instant.parse("2026-01-01T12:00:30Z"));
        // fetch at 12:00:30 covers up to 11:58 (aligned to 2 minutes); 11:57 is served at 12:00:30, 11:58 next
        MetricValue first = planner.fetch("alb", TARGET, List.of(q)).get(q);
        assertThat(first.filledZero()).isTrue();
        Instant next = first.periodStart().plus(MINUTE);
        cloudWatch.put(q, next, 120); // CloudWatch published it late

        clock.advance(MINUTE);
        MetricValue second = planner.fetch("alb", TARGET, List.of(q)).get(q);

        assertThat(second.periodStart()).isEqualTo(next);
        assertThat(second.value()).isEqualTo(120);
        assertThat(second.filledZero()).isFalse();
    }

    @Test
    void aDatapointArrivingAfterItsPeriodWasServedChangesNothing() throws Exception {
        MetricQuery q = alertingCounter();
        CloudWatchPlanner planner = planner();
        MetricValue served = planner.fetch("alb", TARGET, List.of(q)).get(q);
        cloudWatch.put(q, served.periodStart(), 999); // beyond the settle delay: too late

        List<MetricValue> later = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(MINUTE);
            later.add(planner.fetch("alb", TARGET, List.of(q)).get(q));
        }

        assertThat(later).extracting(MetricValue::periodStart).doesNotContain(served.periodStart());
        assertThat(later).extracting(MetricValue::value).doesNotContain(999.0);
    }

    @Test
    void aPeriodChangeOnReloadStartsTheNewQueryOnItsOwnGrid() throws Exception {
        MetricQuery minute = trendGauge(MINUTE);
        MetricQuery fiveMinutes = trendGauge(Duration.ofMinutes(5));
        fillMinutes(minute, 240);
        for (int i = 0; i < 48; i++) {
            cloudWatch.put(fiveMinutes, DATA_FROM.plus(Duration.ofMinutes(5L * i)), 5 * i);
        }
        CloudWatchPlanner planner = planner();
        refresh(planner, minute);
        clock.advance(MINUTE);

        MetricValue v = refresh(planner, fiveMinutes); // the reloaded configuration asks for 300 s periods
        Instant expected = ReplaySchedule.of(fiveMinutes, SETTLE, 5).servedPeriodStart(clock.instant());

        assertThat(v.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(v.periodStart()).isEqualTo(expected);
        assertThat(v.value()).isEqualTo(Duration.between(DATA_FROM, expected).toMinutes());
        assertThat(cloudWatch.calls().get(cloudWatch.calls().size() - 1).metricQueries())
                .containsExactly(fiveMinutes);
    }

    @Test
    void aFailedFetchIsRetriedOnTheNextRefreshAndCostsNothing() throws Exception {
        MetricQuery q = trendGauge(MINUTE);
        fillMinutes(q, 240);
        CloudWatchPlanner planner = planner();
        cloudWatch.failWith(new IllegalStateException("boom"));
        assertThatThrownBy(() -> refresh(planner, q)).isInstanceOf(CloudWatchFetchException.class);
        cloudWatch.failWith(null);
        clock.advance(MINUTE);

        MetricValue v = refresh(planner, q);

        assertThat(v.periodStart()).isEqualTo(ReplaySchedule.of(q, SETTLE, 5).servedPeriodStart(clock.instant()));
        assertThat(cloudWatch.calls()).hasSize(2);
    }
}
