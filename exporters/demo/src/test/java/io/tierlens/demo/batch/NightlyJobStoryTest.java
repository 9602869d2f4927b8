package io.tierlens.demo.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.demo.Scenario;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.JobRun;
import io.tierlens.pushgateway.model.JobStatus;
import io.tierlens.pushgateway.model.PushedGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NightlyJobStoryTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    private final Scenario scenario = new Scenario(Clock.fixed(START, ZoneOffset.UTC), START, 1, 1);
    private final NightlyJobStory story = new NightlyJobStory(scenario);

    private Instant at(Duration scenarioTime) {
        return START.plus(scenarioTime);
    }

    @Test
    void theBackupSucceedsTwiceAndFailsOncePerCycle() {
        List<Integer> codes = new ArrayList<>();
        for (Duration end : List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(25))) {
            JobRun r = story.lastFinished(NightlyJobStory.BACKUP_JOB, at(end)).orElseThrow();
            assertThat(r.finished()).isEqualTo(at(end));
            assertThat(r.duration()).isEqualTo(Duration.ofMinutes(3));
            codes.add(r.exitCode());
        }
        assertThat(codes).containsExactly(0, 0, 1);
    }

    @Test
    void afterTheFailureTheLastSuccessStaysAtTheSecondRun() {
        Instant afterFailure = at(Duration.ofMinutes(29));

        assertThat(story.lastSucceeded(NightlyJobStory.BACKUP_JOB, afterFailure).map(JobRun::finished))
                .contains(at(Duration.ofMinutes(15)));
        assertThat(story.lastFinished(NightlyJobStory.BACKUP_JOB, afterFailure).map(JobRun::exitCode))
                .contains(1);
    }

    @Test
    void aRunInProgressIsStartedButNotFinished() {
        Instant during = at(Duration.ofMinutes(13));

        assertThat(story.lastStarted(NightlyJobStory.BACKUP_JOB, during).map(JobRun::started))
                .contains(at(Duration.ofMinutes(12)));
        assertThat(story.lastFinished(NightlyJobStory.BACKUP_JOB, during).map(JobRun::finished))
                .contains(at(Duration.ofMinutes(5)));
    }

    @Test
    void theStoryHasAHistoryBeforeTheDemoStarted() {
        // one minute in: the previous cycle's failed run (at -8..-5) is the newest finished one
        Instant early = at(Duration.ofMinutes(1));

        assertThat(story.lastFinished(NightlyJobStory.BACKUP_JOB, early).map(JobRun::exitCode))
                .contains(1);
        assertThat(story.lastSucceeded(NightlyJobStory.BACKUP_JOB, early).map(JobRun::finished))
                .contains(at(Duration.ofMinutes(-15)));
    }

    @Test
    void thePushedGroupsAreWhatRunJobWouldHaveLeft() {
        List<PushedGroup> groups = story.pushedGroups(at(Duration.ofMinutes(27)));
        JobStatus backup = JobStatus.find(groups, NightlyJobStory.BACKUP_JOB, Optional.of("db-backup"))
                .orElseThrow();
        JobStatus drill = JobStatus.find(groups, NightlyJobStory.DRILL_JOB, Optional.empty())
                .orElseThrow();

        assertThat(backup.lastExitCode()).contains(1);
        assertThat(backup.lastSuccess()).contains(at(Duration.ofMinutes(15)));
        assertThat(backup.lastSuccessStart()).contains(at(Duration.ofMinutes(12)));
        assertThat(drill.lastSuccess()).contains(at(Duration.ofMinutes(25)));
        assertThat(drill.lastSuccessDuration()).contains(Duration.ofMinutes(9));
        assertThat(groups.get(0).value(JobMetricNames.LAST_RUN)).isPresent();
    }

    @Test
    void atHigherSpeedsTheSameStoryTakesLessRealTime() {
        Scenario fast = new Scenario(Clock.fixed(START, ZoneOffset.UTC), START, 30, 1);
        NightlyJobStory s = new NightlyJobStory(fast);

        // scenario minute 15 is real second 30
        assertThat(s.lastSucceeded(NightlyJobStory.BACKUP_JOB, START.plusSeconds(31))
                        .map(JobRun::finished))
                .contains(START.plusSeconds(30));
    }
}
