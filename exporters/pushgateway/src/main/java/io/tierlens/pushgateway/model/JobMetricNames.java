package io.tierlens.pushgateway.model;

/**
 * The series {@code tierlens run-job} pushes (METRICS.md "Batch jobs"), in one place so the pusher and every
 * reader (the DR exporter's RPO and drill evidence, the tests) agree on them.
 */
public final class JobMetricNames {
    /** Unix time the job last finished with exit code 0; pushed only on success. */
    public static final String LAST_SUCCESS = "tierlens_job_last_success_timestamp_seconds";

    /** Unix time the job last finished, whatever its outcome. */
    public static final String LAST_RUN = "tierlens_job_last_run_timestamp_seconds";

    /** Wall time of the last run. */
    public static final String DURATION = "tierlens_job_duration_seconds";

    /** Exit code of the last run (127: the command was not found, 128+N: killed by signal N). */
    public static final String LAST_EXIT_CODE = "tierlens_job_last_exit_code";

    /**
     * Wall time of the last successful run; pushed only on success (a contract addition). With
     * {@link #LAST_SUCCESS} it gives the moment the last good run started, which is how old the data of a dump
     * is, even after later runs failed.
     */
    public static final String LAST_SUCCESS_DURATION = "tierlens_job_last_success_duration_seconds";

    private JobMetricNames() {}
}
