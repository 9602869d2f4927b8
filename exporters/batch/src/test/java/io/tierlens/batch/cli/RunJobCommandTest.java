package io.tierlens.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.JobStatus;
import io.tierlens.pushgateway.model.PushedGroup;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** run-job against a real Pushgateway: what it pushes, what it prints, and the exit code it returns. */
class RunJobCommandTest {
    private static PushgatewayProcess pushgateway;

    @TempDir
    Path dir;

    private Path jobOut;
    private Path jobErr;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() {
        jobOut = dir.resolve("job.out");
        jobErr = dir.resolve("job.err");
    }

    private RunJobCommand command() {
        return new RunJobCommand(
                ProcessBuilder.Redirect.appendTo(jobOut.toFile()),
                ProcessBuilder.Redirect.appendTo(jobErr.toFile()),
                err,
                Clock.systemUTC(),
                HttpPushgatewayApi::new);
    }

    private String jobOutput() throws IOException {
        return Files.exists(jobOut) ? Files.readString(jobOut) : "";
    }

    private String jobErrors() throws IOException {
        return Files.exists(jobErr) ? Files.readString(jobErr) : "";
    }

    /** What run-job itself said on stderr. */
    private String messages() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void startPushgateway() throws Exception {
        pushgateway = PushgatewayProcess.start();
    }

    @AfterAll
    static void stopPushgateway() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    private int runJob(String... args) {
        RunJobCommand command = command();
        return new CommandLine(command).execute(args);
    }

    private String[] args(String job, String instance, String... command) {
        List<String> a = new ArrayList<>(
                List.of("--job", job, "--pushgateway", pushgateway.url().toString()));
        if (instance != null) {
            a.addAll(List.of("--instance", instance));
        }
        a.add("--");
        a.addAll(List.of(command));
        return a.toArray(String[]::new);
    }

    private PushedGroup group(String job, String instance) throws Exception {
        List<PushedGroup> groups = new HttpPushgatewayApi(pushgateway.url(), Duration.ofSeconds(5)).groups();
        return groups.stream()
                .filter(g -> g.job().equals(job) && g.instance().equals(Optional.ofNullable(instance)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + job + "/" + instance + " in " + groups));
    }

    @Test
    void pushesAddSemanticsWithTheSuccessTimeOnlyOnSuccess() throws Exception {
        Instant before = Instant.now();
        int first = runJob(args("backup", "backup-cron", "sh", "-c", "echo dumping; echo warn >&2; exit 3"));

        assertThat(first).isEqualTo(3);
        assertThat(jobOutput()).isEqualTo("dumping\n");
        assertThat(jobErrors()).isEqualTo("warn\n");
        assertThat(messages()).isEmpty();
        PushedGroup failed = group("backup", "backup-cron");
        assertThat(failed.value(JobMetricNames.LAST_EXIT_CODE)).contains(3.0);
        assertThat(failed.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
        double lastRun = failed.value(JobMetricNames.LAST_RUN).orElseThrow();
        // seconds, not milliseconds
        assertThat(lastRun)
                .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
        assertThat(failed.value(JobMetricNames.DURATION).orElseThrow()).isBetween(0.0, 30.0);

        assertThat(runJob(args("backup", "backup-cron", "sh", "-c", "sleep 0.2")))
                .isZero();
        PushedGroup succeeded = group("backup", "backup-cron");
        double success = succeeded.value(JobMetricNames.LAST_SUCCESS).orElseThrow();
        assertThat(success).isBetween(lastRun, Instant.now().getEpochSecond() + 1.0);
        assertThat(succeeded.value(JobMetricNames.LAST_EXIT_CODE)).contains(0.0);
        assertThat(succeeded.value(JobMetricNames.LAST_SUCCESS_DURATION).orElseThrow())
                .isGreaterThanOrEqualTo(0.2);

        assertThat(runJob(args("backup", "backup-cron", "false"))).isEqualTo(1);
        PushedGroup failedAgain = group("backup", "backup-cron");
        assertThat(failedAgain.value(JobMetricNames.LAST_SUCCESS)).contains(success);
        assertThat(failedAgain.value(JobMetricNames.LAST_EXIT_CODE)).contains(1.0);
        assertThat(failedAgain.value(JobMetricNames.LAST_RUN).orElseThrow()).isGreaterThanOrEqualTo(success);
        assertThat(JobStatus.of(failedAgain).lastSuccessStart().orElseThrow())
                .isBefore(JobStatus.of(failedAgain).lastSuccess().orElseThrow());
    }

    @Test
    void aCommandThatDoesNotExistExits127AndPushesAFailure() throws Exception {
        int code = runJob(args("missing-tool", null, "/nonexistent/tierlens-no-such-command", "--flag"));

        assertThat(code).isEqualTo(127);
        assertThat(messages())
                .contains("cannot start \"/nonexistent/tierlens-no-such-command\": command not found")
                .contains("exit code 127");
        PushedGroup group = group("missing-tool", null);
        assertThat(group.value(JobMetricNames.LAST_EXIT_CODE)).contains(127.0);
        assertThat(group.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
        assertThat(group.value(JobMetricNames.LAST_RUN)).isPresent();
    }

    @Test
    void aPushgatewayThatIsDownIsReportedAndTheExitCodeStays() throws Exception {
        int freePort = PushgatewayProcess.freePort();
        RunJobCommand command = command();
        int code = new CommandLine(command)
                .execute(
                        "--job",
                        "report",
                        "--pushgateway",
                        "http://127.0.0.1:" + freePort,
                        "--push-timeout",
                        "2s",
                        "--",
                        "sh",
                        "-c",
                        "echo done; exit 4");

        assertThat(code).isEqualTo(4);
        assertThat(jobOutput()).isEqualTo("done\n");
        assertThat(messages())
                .contains("could not push to the Pushgateway at http://127.0.0.1:" + freePort)
                .contains("connection refused or unreachable")
                .contains("the job's exit code 4 is unchanged");
    }

    @Test
    void aSuccessfulJobBehindADownPushgatewayStillExitsZero() {
        RunJobCommand command = command();
        int code = new CommandLine(command)
                .execute("--job", "x", "--pushgateway", "http://127.0.0.1:1", "--push-timeout", "2s", "--", "true");

        assertThat(code).isZero();
        assertThat(messages()).contains("could not push");
    }

    @Test
    void jobNamesThatAreNotPlainPathSegmentsArriveIntact() throws Exception {
        assertThat(runJob(args("nightly/db dump", "cron job", "true"))).isZero();

        assertThat(group("nightly/db dump", "cron job").value(JobMetricNames.LAST_EXIT_CODE))
                .contains(0.0);
    }

    @Test
    void aBackgroundProcessHoldingTheOutputDoesNotHoldTheJob() throws Exception {
        int code = runJob(args("leaves-a-child", null, "sh", "-c", "(sleep 10; echo late) & echo early"));

        assertThat(code).isZero();
        // run-job returned before the background process wrote: it waits for the command, not for its children
        assertThat(jobOutput()).isEqualTo("early\n");
        assertThat(group("leaves-a-child", null).value(JobMetricNames.LAST_SUCCESS))
                .isPresent();
    }

    @Test
    void badUsageIsRefusedBeforeTheCommandRuns() throws Exception {
        RunJobCommand command = command();
        int code = new CommandLine(command)
                .execute("--job", "x", "--pushgateway", "pushgateway:9091", "--", "sh", "-c", "echo ran");

        assertThat(code).isEqualTo(RunJobCommand.USAGE);
        assertThat(jobOutput()).isEmpty();
        assertThat(messages()).contains("--pushgateway: expected a URL");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        RunJobCommand command = command();
        CommandLine cl = new CommandLine(command);
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        assertThat(cl.execute("--job", "x")).isEqualTo(2);
        assertThat(messages()).contains("COMMAND");
    }

    @Test
    void pushgatewayUrlsAreChecked() {
        assertThat(RunJobCommand.pushgatewayUrl("http://pg:9091")).contains(URI.create("http://pg:9091"));
        assertThat(RunJobCommand.pushgatewayUrl("https://pg.example.com/prefix/"))
                .isPresent();
        assertThat(RunJobCommand.pushgatewayUrl("pg:9091")).isEmpty();
        assertThat(RunJobCommand.pushgatewayUrl("ftp://pg")).isEmpty();
        assertThat(RunJobCommand.pushgatewayUrl("")).isEmpty();
        assertThat(RunJobCommand.pushgatewayUrl("http://")).isEmpty();
    }
}
