package io.tierlens.pushgateway.model;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;

/**
 * One finished run of a batch job, as {@code run-job} observed it.
 *
 * @param started when the command was started
 * @param finished when it ended (or failed to start)
 * @param exitCode the command's exit code; 127 when it could not be found, 126 when it could not be executed
 */
public record JobRun(Instant started, Instant finished, int exitCode) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /**
     * The series to push with add semantics (POST): a failed run leaves the previous success time in the group
     * because it does not mention it. Times are seconds, not milliseconds.
     */
    public MetricSnapshots metrics() {
        MetricSnapshots.Builder out = MetricSnapshots.builder()
                .metricSnapshot(gauge(
                        JobMetricNames.LAST_RUN,
                        "Unix time the job last finished, whatever its outcome.",
                        seconds(finished)))
                .metricSnapshot(gauge(
                        JobMetricNames.DURATION, "Wall time of the job's last run in seconds.", seconds(duration())))
                .metricSnapshot(gauge(JobMetricNames.LAST_EXIT_CODE, "Exit code of the job's last run.", exitCode));
        if (succeeded()) {
            out.metricSnapshot(gauge(
                            JobMetricNames.LAST_SUCCESS,
                            "Unix time the job last finished successfully (exit code 0).",
                            seconds(finished)))
                    .metricSnapshot(gauge(
                            JobMetricNames.LAST_SUCCESS_DURATION,
                            "Wall time of the job's last successful run in seconds.",
                            seconds(duration())));
        }
        return out.build();
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
                .build();
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
