package io.tierlens.batch.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

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
     * The Prometheus text format body to push with add semantics (POST): a failed run leaves the previous
     * success time in the group because it does not mention it. Times are seconds, not milliseconds.
     */
    public String pushBody() {
        StringBuilder sb = new StringBuilder();
        gauge(sb, JobMetricNames.LAST_RUN, "Unix time the job last finished, whatever its outcome.", seconds(finished));
        gauge(sb, JobMetricNames.DURATION, "Wall time of the job's last run in seconds.", seconds(duration()));
        gauge(sb, JobMetricNames.LAST_EXIT_CODE, "Exit code of the job's last run.", exitCode);
        if (succeeded()) {
            gauge(
                    sb,
                    JobMetricNames.LAST_SUCCESS,
                    "Unix time the job last finished successfully (exit code 0).",
                    seconds(finished));
            gauge(
                    sb,
                    JobMetricNames.LAST_SUCCESS_DURATION,
                    "Wall time of the job's last successful run in seconds.",
                    seconds(duration()));
        }
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, double value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(format(value)).append('\n');
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
