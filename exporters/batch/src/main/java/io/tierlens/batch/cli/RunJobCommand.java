package io.tierlens.batch.cli;

import io.tierlens.core.config.Durations;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.client.PushgatewayApi;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.JobRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tierlens run-job --job NAME [--pushgateway URL] [--instance NAME] -- COMMAND...}: runs a batch job, streams
 * its output, pushes {@code tierlens_job_*} to a Pushgateway with add semantics and exits with the job's exit
 * code. Monitoring never changes the job's outcome: a Pushgateway that is down costs one stderr line.
 */
@Command(
        name = "run-job",
        sortOptions = false,
        description = {
            "Run a batch job and push its outcome (tierlens_job_*) to a Pushgateway.",
            "Exits with the job's exit code; 127 if the command does not exist. A Pushgateway that cannot be"
                    + " reached is reported on stderr and does not change the exit code."
        })
public final class RunJobCommand implements Callable<Integer> {
    /** Exit code for a usage error (bad URL, bad duration), as picocli uses for its own usage errors. */
    static final int USAGE = 2;

    private static final Duration TERMINATION_GRACE = Duration.ofSeconds(10);
    /** How long a terminating JVM waits for the final push (on top of the job's grace period). */
    private static final Duration PUSH_ALLOWANCE = Duration.ofSeconds(10);

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Option(
            names = "--job",
            required = true,
            description = "Job name: the 'job' grouping label (e.g. db-backup). Not a run id: every run of the job"
                    + " replaces the previous run's values.")
    String job;

    @Option(
            names = "--instance",
            defaultValue = "${env:TIERLENS_JOB_INSTANCE}",
            description = "The 'instance' grouping label: the CronJob name, never a pod name (default:"
                    + " $TIERLENS_JOB_INSTANCE, else none).")
    String instance;

    @Option(
            names = "--pushgateway",
            defaultValue = "${env:TIERLENS_PUSHGATEWAY_URL:-http://localhost:9091}",
            description = "Pushgateway URL (default: $TIERLENS_PUSHGATEWAY_URL, else http://localhost:9091).")
    String pushgateway;

    @Option(
            names = "--push-timeout",
            defaultValue = "10s",
            description = "Limit for connecting to and pushing to the Pushgateway (default 10s).")
    String pushTimeout;

    @Parameters(
            arity = "1..*",
            paramLabel = "COMMAND",
            description = "The command and its arguments, after '--'. Run directly, not through a shell.")
    List<String> command;

    private final ProcessBuilder.Redirect jobOut;
    private final ProcessBuilder.Redirect jobErr;
    private final OutputStream err;
    private final Clock clock;
    private final BiFunction<URI, Duration, PushgatewayApi> pushgateways;

    /** The command as {@code tierlens run-job} runs it: the job writes to our stdout/stderr, real clock and HTTP. */
    public RunJobCommand() {
        this(
                ProcessBuilder.Redirect.INHERIT,
                ProcessBuilder.Redirect.INHERIT,
                System.err,
                Clock.systemUTC(),
                HttpPushgatewayApi::new);
    }

    /**
     * @param jobOut where the job's stdout goes
     * @param jobErr where the job's stderr goes
     * @param err where run-job's own messages go
     */
    RunJobCommand(
            ProcessBuilder.Redirect jobOut,
            ProcessBuilder.Redirect jobErr,
            OutputStream err,
            Clock clock,
            BiFunction<URI, Duration, PushgatewayApi> pushgateways) {
        this.jobOut = jobOut;
        this.jobErr = jobErr;
        this.err = err;
        this.clock = clock;
        this.pushgateways = pushgateways;
    }

    @Override
    public Integer call() {
        PrintStream messages = new PrintStream(err, true, StandardCharsets.UTF_8);
        Optional<URI> url = pushgatewayUrl(pushgateway);
        if (url.isEmpty()) {
            messages.println("tierlens run-job: --pushgateway: expected a URL like http://pushgateway:9091, got \""
                    + pushgateway + "\"");
            return USAGE;
        }
        Optional<Duration> timeout = Durations.parse(pushTimeout);
        if (timeout.isEmpty() || timeout.get().isZero()) {
            messages.println(
                    "tierlens run-job: --push-timeout: expected a duration like 10s, got \"" + pushTimeout + "\"");
            return USAGE;
        }
        GroupingKey key;
        try {
            key = GroupingKey.of(job, instance);
        } catch (IllegalArgumentException e) {
            messages.println("tierlens run-job: --job: " + e.getMessage());
            return USAGE;
        }
        try (TerminationForwarder termination = new TerminationForwarder(TERMINATION_GRACE, PUSH_ALLOWANCE)) {
            JobRun run = run(messages, termination);
            push(pushgateways.apply(url.get(), timeout.get()), url.get(), key, run, messages);
            return run.exitCode();
        }
    }

    private JobRun run(PrintStream messages, TerminationForwarder termination) {
        Instant started = clock.instant();
        JobProcess process;
        try {
            process = JobProcess.start(command, jobOut, jobErr);
        } catch (IOException e) {
            int code = JobProcess.startFailureExitCode(e);
            messages.println("tierlens run-job: cannot start \"" + command.get(0) + "\": "
                    + (code == 127 ? "command not found" : "not executable") + " (" + e.getMessage() + "); exit code "
                    + code);
            return new JobRun(started, clock.instant(), code);
        }
        try {
            if (!termination.attach(process)) {
                // the signal came while the job was starting: stop it as the hook would have
                process.terminate(termination.grace());
            }
            int code = process.waitFor();
            return new JobRun(started, clock.instant(), code);
        } catch (InterruptedException e) {
            // nothing in run-job interrupts this thread (signals go through the shutdown hook); if something does,
            // report it like an interrupted shell job (128 + SIGINT) rather than as a success
            Thread.currentThread().interrupt();
            return new JobRun(started, clock.instant(), 130);
        }
    }

    private static void push(PushgatewayApi api, URI url, GroupingKey key, JobRun run, PrintStream messages) {
        try {
            api.pushAdd(key, run.metrics());
        } catch (IOException e) {
            messages.println("tierlens run-job: could not push to the Pushgateway at " + url + " (" + key + "): "
                    + describe(e) + "; the job's exit code " + run.exitCode() + " is unchanged");
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage();
        // client_java wraps what HttpURLConnection throws ("Failed to push metrics ...: Connection refused")
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused or unreachable"
                        + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    static Optional<URI> pushgatewayUrl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(text.strip());
            boolean http = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
            return http && u.getHost() != null && u.getQuery() == null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
