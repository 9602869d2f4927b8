package io.tierlens.demo.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.testing.MutableClock;
import io.tierlens.demo.Scenario;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.JobStatus;
import io.tierlens.pushgateway.model.PushedGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's Pushgateway read by the production client and scraped as Prometheus scrapes a Pushgateway. */
class DemoPushgatewayTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final Scenario scenario = new Scenario(clock, START, 30, 2);
    private final NightlyJobStory story = new NightlyJobStory(scenario);
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoPushgateway pushgateway;

    @AfterEach
    void stop() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    /** Real time at scenario minute {@code minute} of the first cycle, at --speed 30. */
    private Instant atScenarioMinute(double minute) {
        return START.plusMillis((long) (minute * 60_000 / 30));
    }

    @Test
    void theProductionClientReadsTheStorysGroups() throws Exception {
        pushgateway = DemoPushgateway.start(story, clock, 0);
        // minute 26: the db-backup run of minute 22 failed at 25, the run of minute 12 is the last success
        clock.set(atScenarioMinute(26));

        List<PushedGroup> groups = new HttpPushgatewayApi(pushgateway.localUri(), Duration.ofSeconds(5)).groups();

        JobStatus backup =
                JobStatus.find(groups, "db-backup", Optional.of("db-backup")).orElseThrow();
        assertThat(backup.lastExitCode()).contains(1);
        assertThat(backup.lastSuccess()).contains(atScenarioMinute(15));
        assertThat(backup.lastRun()).contains(atScenarioMinute(25));
        assertThat(JobStatus.find(groups, "dr-drill", Optional.of("dr-drill"))
                        .orElseThrow()
                        .lastExitCode())
                .contains(0);
    }

    @Test
    void metricsLooksLikeAPushgatewayWithRunJobsNamesAndGrouping() throws Exception {
        pushgateway = DemoPushgateway.start(story, clock, 0);
        clock.set(atScenarioMinute(26));

        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(pushgateway.localUri().resolve("/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        double failedAt = atScenarioMinute(25).toEpochMilli() / 1000.0;
        assertThat(r.body())
                .contains("# TYPE " + JobMetricNames.LAST_EXIT_CODE + " gauge\n")
                .contains(JobMetricNames.LAST_EXIT_CODE + "{instance=\"db-backup\",job=\"db-backup\"} 1\n")
                .contains(JobMetricNames.LAST_EXIT_CODE + "{instance=\"dr-drill\",job=\"dr-drill\"} 0\n")
                .contains("push_time_seconds{instance=\"db-backup\",job=\"db-backup\"} " + (long) failedAt + "\n")
                .contains(JobMetricNames.LAST_SUCCESS + "{instance=\"db-backup\",job=\"db-backup\"}");
        // one TYPE line per family: Prometheus rejects a family split across the exposition
        assertThat(r.body().lines().filter(l -> l.startsWith("# TYPE push_time_seconds ")))
                .hasSize(1);
    }

    @Test
    void pushesAreRefused() throws Exception {
        pushgateway = DemoPushgateway.start(story, clock, 0);

        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(pushgateway.localUri() + "/metrics/job/x"))
                        .POST(HttpRequest.BodyPublishers.ofString("x 1\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(405);
    }
}
