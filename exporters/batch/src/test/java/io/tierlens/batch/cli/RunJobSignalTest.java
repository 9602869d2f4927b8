package io.tierlens.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.PushedGroup;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * run-job in its own JVM, signalled the way Kubernetes (TERM), a terminal (INT) or a closed session (HUP) signals
 * it: the job gets the same signal, and whatever the job does with it, the exit code pushed and run-job's own are
 * the same 128 + signal, with no success time pushed.
 */
class RunJobSignalTest {
    private static PushgatewayProcess pushgateway;

    @BeforeAll
    static void start() throws Exception {
        pushgateway = PushgatewayProcess.start();
    }

    @AfterAll
    static void stop() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    /** run-job's JVM and its merged stdout/stderr (the job's output and run-job's messages). */
    private record RunJob(Process jvm, BufferedReader out) {}

    private static RunJob start(String job, String grace, String script) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(
                        // a shell that starts Maven in the background (CI, nohup) makes INT ignored for everything
                        // below it, and an ignored signal can be neither handled by the JVM nor trapped by the job
                        "env",
                        "--default-signal=INT,HUP,TERM",
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunJobMain.class.getName(),
                        "--job",
                        job,
                        "--pushgateway",
                        pushgateway.url().toString(),
                        "--grace-period",
                        grace,
                        "--",
                        "sh",
                        "-c",
                        script)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the job started").isEqualTo("ready");
        return new RunJob(jvm, out);
    }

    private static void signal(Process jvm, String name) throws Exception {
        Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$0\" \"$1\"", name, Long.toString(jvm.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Waits for run-job to exit; returns everything it and the job wrote after "ready". */
    private static String finish(RunJob r) throws Exception {
        assertThat(r.jvm().waitFor(60, TimeUnit.SECONDS)).isTrue();
        return r.out().lines().collect(Collectors.joining("\n"));
    }

    private static PushedGroup pushed(String job) throws Exception {
        List<PushedGroup> groups = new HttpPushgatewayApi(pushgateway.url(), Duration.ofSeconds(5)).groups();
        return groups.stream()
                .filter(x -> x.job().equals(job))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + job + " in " + groups));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            default-action   | echo ready; sleep 60
            trap-exit-0      | trap 'echo got TERM; exit 0' TERM; echo ready; sleep 60 & wait
            trap-exit-42     | trap 'echo got TERM; exit 42' TERM; echo ready; sleep 60 & wait
            """)
    void aTerminatedJobIsAFailureWhateverItReturns(String job, String script) throws Exception {
        RunJob r = start(job, "10s", script);

        r.jvm().toHandle().destroy(); // SIGTERM to the JVM, like the kubelet (Process.destroy would close our pipes)

        String output = finish(r);
        assertThat(r.jvm().exitValue()).as(output).isEqualTo(143);
        PushedGroup g = pushed(job);
        assertThat(g.value(JobMetricNames.LAST_EXIT_CODE))
                .as("pushed = exit code")
                .contains(143.0);
        assertThat(g.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
        assertThat(g.value(JobMetricNames.LAST_SUCCESS_DURATION)).isEmpty();
    }

    @Test
    void aJobThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        RunJob r = start("ignores-term", "2s", "trap '' TERM; echo ready; sleep 60 & wait");
        Instant signalled = Instant.now();

        r.jvm().toHandle().destroy();

        String output = finish(r);
        assertThat(Duration.between(signalled, Instant.now())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(r.jvm().exitValue()).as(output).isEqualTo(143);
        PushedGroup g = pushed("ignores-term");
        assertThat(g.value(JobMetricNames.LAST_EXIT_CODE))
                .as("pushed = exit code")
                .contains(143.0);
        assertThat(g.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
        assertThat(output).contains("still running 2s after SIGTERM; killing it (SIGKILL)");
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "HUP, 129", "TERM, 143"})
    void theSignalRunJobReceivedIsTheOneTheJobGets(String signal, int code) throws Exception {
        String job = "forwarded-" + signal;
        RunJob r = start(
                job,
                "10s",
                "for s in INT HUP TERM; do trap \"echo got $s; exit 0\" $s; done; echo ready; sleep 60 & wait");

        signal(r.jvm(), signal);

        String output = finish(r);
        assertThat(output).startsWith("got " + signal + "\n").contains("interrupted by SIG" + signal);
        assertThat(r.jvm().exitValue()).as(output).isEqualTo(code);
        PushedGroup g = pushed(job);
        assertThat(g.value(JobMetricNames.LAST_EXIT_CODE)).contains((double) code);
        assertThat(g.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
    }
}
