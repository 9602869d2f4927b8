package io.tierlens.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    private static PushedGroup group(String job, String instance, Map<String, Double> values) {
        return new PushedGroup(
                instance == null ? Map.of("job", job) : Map.of("job", job, "instance", instance), values);
    }

    @Test
    void readsWhatRunJobPushed() {
        JobStatus s = JobStatus.of(group(
                "db-backup",
                "db-backup",
                Map.of(
                        JobMetricNames.LAST_SUCCESS, 1_795_746_600.0,
                        JobMetricNames.LAST_SUCCESS_DURATION, 1800.0,
                        JobMetricNames.LAST_RUN, 1_795_750_000.0,
                        JobMetricNames.LAST_EXIT_CODE, 1.0)));

        assertThat(s.lastSuccess()).contains(Instant.ofEpochSecond(1_795_746_600L));
        assertThat(s.lastSuccessDuration()).contains(Duration.ofMinutes(30));
        assertThat(s.lastSuccessStart()).contains(Instant.ofEpochSecond(1_795_746_600L - 1800));
        assertThat(s.lastExitCode()).contains(1);
    }

    @Test
    void millisecondTimestampsAreNotReadAsDates() {
        JobStatus s = JobStatus.of(group("legacy", null, Map.of(JobMetricNames.LAST_SUCCESS, 1_795_746_600_000.0)));

        assertThat(s.lastSuccess()).isEmpty();
    }

    @Test
    void withoutADurationTheSuccessTimeIsTheDataTime() {
        JobStatus s = JobStatus.of(group("other-tool", null, Map.of(JobMetricNames.LAST_SUCCESS, 1_795_746_600.0)));

        assertThat(s.lastSuccessStart()).contains(Instant.ofEpochSecond(1_795_746_600L));
    }

    @Test
    void findPicksTheNewestSuccessAmongInstances() {
        List<PushedGroup> groups = List.of(
                group("dump", "a", Map.of(JobMetricNames.LAST_SUCCESS, 1_795_000_000.0)),
                group("dump", "b", Map.of(JobMetricNames.LAST_SUCCESS, 1_795_100_000.0)),
                group("other", "b", Map.of(JobMetricNames.LAST_SUCCESS, 1_795_900_000.0)));

        assertThat(JobStatus.find(groups, "dump", Optional.empty()).flatMap(JobStatus::lastSuccess))
                .contains(Instant.ofEpochSecond(1_795_100_000L));
        assertThat(JobStatus.find(groups, "dump", Optional.of("a")).flatMap(JobStatus::lastSuccess))
                .contains(Instant.ofEpochSecond(1_795_000_000L));
        assertThat(JobStatus.find(groups, "missing", Optional.empty())).isEmpty();
    }
}
