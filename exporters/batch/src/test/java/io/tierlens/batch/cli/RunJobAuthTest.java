package io.tierlens.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.tierlens.pushgateway.client.BasicAuth;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.PushedGroup;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * run-job against a real Pushgateway behind its own basic auth ({@code --web.config.file}): credentials from the
 * URL or from {@code --pushgateway-auth-file} are sent, and the password appears in no output.
 */
class RunJobAuthTest {
    private static final String USER = "pusher";
    private static final String PASSWORD = "s3cret-p4ss:with/colon";
    private static PushgatewayProcess pushgateway;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        pushgateway = PushgatewayProcess.startWithBasicAuth(USER, PASSWORD, hash);
    }

    @AfterAll
    static void stop() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    /** run-job in this JVM; its messages and picocli's output are captured. */
    private int runJob(String... args) {
        RunJobCommand command = new RunJobCommand(
                ProcessBuilder.Redirect.DISCARD,
                ProcessBuilder.Redirect.DISCARD,
                err,
                Clock.systemUTC(),
                HttpPushgatewayApi::new);
        CommandLine cl = new CommandLine(command);
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        return cl.execute(args);
    }

    private String output() {
        return err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
    }

    private static URI withUserInfo(String userInfo) {
        URI u = pushgateway.url();
        return URI.create(u.getScheme() + "://" + userInfo + "@" + u.getRawAuthority() + u.getRawPath());
    }

    private static Optional<PushedGroup> pushed(String job) throws Exception {
        List<PushedGroup> groups = new HttpPushgatewayApi(
                        pushgateway.url(), Duration.ofSeconds(5), Optional.of(new BasicAuth(USER, PASSWORD)))
                .groups();
        return groups.stream().filter(g -> g.job().equals(job)).findFirst();
    }

    private static String encoded(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverPrinted() throws Exception {
        int code = runJob(
                "--job",
                "url-auth",
                "--pushgateway",
                withUserInfo(USER + ":" + encoded(PASSWORD)).toString(),
                "--",
                "sh",
                "-c",
                "exit 0");

        assertThat(code).isZero();
        assertThat(output()).isEmpty();
        assertThat(pushed("url-auth").orElseThrow().value(JobMetricNames.LAST_EXIT_CODE))
                .contains(0.0);
    }

    @Test
    void credentialsFromTheAuthFileAreSent() throws Exception {
        Path file = dir.resolve("auth");
        Files.writeString(file, USER + ":" + PASSWORD + "\n");

        int code = runJob(
                "--job",
                "file-auth",
                "--pushgateway",
                pushgateway.url().toString(),
                "--pushgateway-auth-file",
                file.toString(),
                "--",
                "false");

        assertThat(code).isEqualTo(1);
        assertThat(pushed("file-auth").orElseThrow().value(JobMetricNames.LAST_EXIT_CODE))
                .contains(1.0);
    }

    @Test
    void withoutCredentialsThePushgatewayAnswers401AndTheExitCodeStays() throws Exception {
        int code =
                runJob("--job", "no-auth", "--pushgateway", pushgateway.url().toString(), "--", "sh", "-c", "exit 5");

        assertThat(code).isEqualTo(5);
        assertThat(output()).contains("could not push", "401", "the job's exit code 5 is unchanged");
        assertThat(pushed("no-auth")).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndNotPrinted() throws Exception {
        String wrong = "wr0ng-" + PASSWORD;
        int code = runJob(
                "--job",
                "wrong-auth",
                "--pushgateway",
                withUserInfo(USER + ":" + encoded(wrong)).toString(),
                "--push-timeout",
                "5s",
                "--",
                "true");

        assertThat(code).isZero();
        assertThat(output())
                .contains("could not push to the Pushgateway at " + pushgateway.url(), "401")
                .doesNotContain(wrong)
                .doesNotContain(encoded(wrong))
                .doesNotContain(USER + ":");
        assertThat(pushed("wrong-auth")).isEmpty();
    }

    @Test
    void anUnreachablePushgatewayIsReportedWithoutTheCredentials() throws Exception {
        int port = PushgatewayProcess.freePort();
        int code = runJob(
                "--job",
                "down",
                "--pushgateway",
                "http://" + USER + ":" + encoded(PASSWORD) + "@127.0.0.1:" + port,
                "--push-timeout",
                "2s",
                "--",
                "sh",
                "-c",
                "exit 3");

        assertThat(code).isEqualTo(3);
        assertThat(output())
                .contains("could not push to the Pushgateway at http://127.0.0.1:" + port + " ")
                .doesNotContain(encoded(PASSWORD))
                .doesNotContain(PASSWORD)
                .doesNotContain(USER + ":");
    }

    @Test
    void aBadUrlWithCredentialsIsRefusedWithoutPrintingThem() {
        int code = runJob("--job", "x", "--pushgateway", "ftp://" + USER + ":hunter2@pg:9091", "--", "true");

        assertThat(code).isEqualTo(RunJobCommand.USAGE);
        assertThat(output()).contains("--pushgateway: expected a URL").doesNotContain("hunter2");
    }

    @Test
    void aMissingOrMalformedAuthFileIsAUsageErrorNamingTheFlag() throws Exception {
        Path missing = dir.resolve("missing");
        assertThat(runJob(
                        "--job",
                        "x",
                        "--pushgateway",
                        pushgateway.url().toString(),
                        "--pushgateway-auth-file",
                        missing.toString(),
                        "--",
                        "true"))
                .isEqualTo(RunJobCommand.USAGE);
        assertThat(output()).contains("--pushgateway-auth-file: cannot read " + missing);

        Path malformed = dir.resolve("malformed");
        Files.writeString(malformed, "hunter2-without-a-user\n");
        err.reset();
        assertThat(runJob(
                        "--job",
                        "x",
                        "--pushgateway",
                        pushgateway.url().toString(),
                        "--pushgateway-auth-file",
                        malformed.toString(),
                        "--",
                        "true"))
                .isEqualTo(RunJobCommand.USAGE);
        assertThat(output())
                .contains("--pushgateway-auth-file: " + malformed + " must hold one line user:password")
                .doesNotContain("hunter2");
    }
}
