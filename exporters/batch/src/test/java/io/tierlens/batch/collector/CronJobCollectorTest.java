package io.tierlens.batch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.batch.model.CronJobState;
import io.tierlens.batch.model.CronJobState.JobOutcome;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TextExposition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronJobCollectorTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aScheduledCronJobHasEverySeries() {
        MetricSnapshots m = CronJobCollector.collect(List.of(new CronJobState(
                "shop",
                "db-backup",
                "0 2 * * *",
                false,
                Optional.of(CREATED),
                Optional.of(Instant.parse("2026-11-21T02:00:00Z")),
                Optional.of(Instant.parse("2026-11-20T02:31:00Z")),
                1,
                Optional.of(JobOutcome.FAILED))));
        Map<String, String> l = Map.of("namespace", "shop", "cronjob", "db-backup");

        assertThat(Scraped.value(m, CronJobCollector.LAST_SCHEDULE, l)).hasValue(1_795_226_400.0);
        assertThat(Scraped.value(m, CronJobCollector.LAST_SUCCESSFUL, l)).hasValue(1_795_141_860.0);
        assertThat(Scraped.value(m, CronJobCollector.CREATED, l)).hasValue(CREATED.getEpochSecond());
        assertThat(Scraped.value(m, CronJobCollector.ACTIVE_JOBS, l)).hasValue(1);
        assertThat(Scraped.value(m, CronJobCollector.SUSPENDED, l)).hasValue(0);
        assertThat(Scraped.value(m, CronJobCollector.LAST_JOB_FAILED, l)).hasValue(1);
    }

    @Test
    void aCronJobThatNeverStartedHasACreationTimeAndNoScheduleTime() {
        MetricSnapshots m = CronJobCollector.collect(List.of(new CronJobState(
                "shop",
                "report-export",
                "0 4 * * *",
                true,
                Optional.of(CREATED),
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty())));
        Map<String, String> l = Map.of("namespace", "shop", "cronjob", "report-export");

        assertThat(Scraped.value(m, CronJobCollector.CREATED, l)).isPresent();
        assertThat(Scraped.value(m, CronJobCollector.SUSPENDED, l)).hasValue(1);
        assertThat(Scraped.value(m, CronJobCollector.LAST_SCHEDULE, l)).isEmpty();
        assertThat(Scraped.value(m, CronJobCollector.LAST_JOB_FAILED, l)).isEmpty();
        assertThat(TextExposition.render(m)).doesNotContain(CronJobCollector.LAST_SUCCESSFUL);
    }

    @Test
    void aRunningNewestJobHasNoFailedValue() {
        MetricSnapshots m = CronJobCollector.collect(List.of(new CronJobState(
                "shop",
                "db-backup",
                "",
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.of(JobOutcome.RUNNING))));

        assertThat(Scraped.value(m, CronJobCollector.LAST_JOB_FAILED, Map.of())).isEmpty();
    }
}
