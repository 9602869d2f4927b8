package io.tierlens.batch.cli;

import io.tierlens.core.config.Durations;
import io.tierlens.pushgateway.client.BasicAuth;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/**
 * {@code tierlens run-job --job NAME [--pushgateway URL] [--instance NAME] -- COMMAND...}: runs a batch job, streams
 * its output, pushes {@code tierlens_job_*} to a Pushgateway with add semantics and exits with the job's exit
 * code. Monitoring never changes the job's outcome: a Pushgateway that is down costs one stderr line.
 *
 * <p>The pushed exit code and run-job's own are always the same. A run interrupted by TERM, INT or HUP is a failure
 * whatever the job then returns: both are {@code 128 + signal}, and no success time is pushed.
 */
@Command(
        name = "run-job",
        sortOptions = false,
        description = {
            "Run a batch job and push its outcome (tierlens_job_*) to a Pushgateway.",
            "Exits with the job's exit code; 127 if the command does not exist. A Pushgateway that cannot be"
                    + " reached is reported on stderr and does not change the exit code.",
            "SIGTERM, SIGINT and SIGHUP are passed to the job as the same signal; the job is killed if it still runs"
                    + " after --grace-period. An interrupted run is a failure whatever the job then returns: run-job"
                    + " pushes and exits with 128 + the signal's number (143 for TERM, 130 for INT, 129 for HUP)."
        })
public final class RunJobCommand implements Callable<Integer> {
    /** Exit code for a usage error (bad URL, bad duration), as picocli uses for its own usage errors. */
    static final int USAGE = 2;

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
            description = "Pushgateway URL (default: $TIERLENS_PUSHGATEWAY_URL, else http://localhost:9091)."
                    + " Credentials in it (http://user:password@host:9091) are sent as basic auth and never printed.")
    String pushgateway;

    @Option(
            names = "--pushgateway-auth-file",
            paramLabel = "FILE",
            defaultValue = "${env:TIERLENS_PUSHGATEWAY_AUTH_FILE}",
            description = "File with one line user:password, sent as basic auth (default:"
                    + " $TIERLENS_PUSHGATEWAY_AUTH_FILE, else none). Keeps the password out of the command line;"
                    + " mount it from a Secret.")
    Path pushgatewayAuthFile;

    @Option(
            names = "--push-timeout",
            defaultValue = "10s",
            description = "Limit for connecting to and pushing to the Pushgateway (default 10s).")
    String pushTimeout;

    @Option(
            names = "--grace-period",
            defaultValue = "10s",
            description = "How long the job may take to stop after a signal before it is killed (default 10s; with"
                    + " the push timeout it should fit in the pod's terminationGracePeriodSeconds).")
    String gracePeriod;

    @Parameters(
            arity = "1..*",
            paramLabel = "COMMAND",
            description = "The command and its arguments, after '--'. Run directly, not through a shell.")
    List<String> command;

    private final ProcessBuilder.Redirect jobOut;
    private final ProcessBuilder.Redirect jobErr;
    private final OutputStream err;
    private final Clock clock;
    private final PushgatewayFactory pushgateways;

    /** How run-job reaches a Pushgateway: {@code HttpPushgatewayApi::new} in production and in the tests. */
    @FunctionalInterface
    interface PushgatewayFactory {
        PushgatewayApi create(URI base, Duration timeout, Optional<BasicAuth> auth);
    }

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
            PushgatewayFactory pushgateways) {
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
                    + BasicAuth.redact(pushgateway) + "\"");
            return USAGE;
        }
        Optional<BasicAuth> auth;
        try {
            auth = PushgatewayCredentials.of(url.get(), Optional.ofNullable(pushgatewayAuthFile));
        } catch (IllegalArgumentException e) {
            messages.println("tierlens run-job: " + e.getMessage());
            return USAGE;
        }
        URI printable = BasicAuth.withoutUserInfo(url.get());
        Optional<Duration> grace = Durations.parse(gracePeriod);
        if (grace.isEmpty()) {
            messages.println(
                    "tierlens run-job: --grace-period: expected a duration like 10s, got \"" + gracePeriod + "\"");
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
        try (SignalForwarder signals = new SignalForwarder(grace.get(), messages)) {
            JobRun run = run(messages, signals);
            push(pushgateways.create(printable, timeout.get(), auth), printable, key, run, messages);
            return run.exitCode();
        }
    }

    private JobRun run(PrintStream messages, SignalForwarder signals) {
        Instant started = clock.instant();
        Optional<Signal> early = signals.received();
        if (early.isPresent()) {
            int code = SignalForwarder.exitCode(early.get());
            messages.println("tierlens run-job: received SIG" + early.get().getName()
                    + " before the job started; not starting it; exit code " + code);
            return new JobRun(started, clock.instant(), code);
        }
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
            signals.attach(process);
            int code = process.waitFor();
            Optional<Signal> signal = signals.detach();
            if (signal.isEmpty()) {
                return new JobRun(started, clock.instant(), code);
            }
            // a trap that cleans up and exits 0 must not turn an interrupted backup into a success
            int interrupted = SignalForwarder.exitCode(signal.get());
            messages.println("tierlens run-job: the job was interrupted by SIG"
                    + signal.get().getName() + " and exited with " + code
                    + "; recording the run as failed with exit code " + interrupted);
            return new JobRun(started, clock.instant(), interrupted);
        } catch (InterruptedException e) {
            // nothing in run-job interrupts this thread (signals go through SignalForwarder); if something does,
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
