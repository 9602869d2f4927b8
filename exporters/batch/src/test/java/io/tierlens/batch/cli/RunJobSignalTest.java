package io.tierlens.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.PushedGroup;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * run-job in its own JVM, terminated with SIGTERM as when its pod is deleted: the job gets the signal, its last
 * output is copied, the failure is pushed, and the JVM exits 143.
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

    @Test
    void sigtermReachesTheJobAndTheFailureIsPushed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunJobMain.class.getName(),
                        "--job",
                        "terminated",
                        "--pushgateway",
                        pushgateway.url().toString(),
                        "--",
                        "sh",
                        "-c",
                        "trap 'echo got TERM; exit 143' TERM; echo ready; sleep 60 & wait")
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");

        jvm.toHandle().destroy(); // SIGTERM to the JVM, like the kubelet (Process.destroy would close our pipes)

        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.readLine()).isEqualTo("got TERM");
        assertThat(jvm.exitValue()).isEqualTo(143);
        List<PushedGroup> groups = new HttpPushgatewayApi(pushgateway.url(), Duration.ofSeconds(5)).groups();
        PushedGroup g = groups.stream()
                .filter(x -> x.job().equals("terminated"))
                .findFirst()
                .orElseThrow();
        assertThat(g.value(JobMetricNames.LAST_EXIT_CODE)).contains(143.0);
        assertThat(g.value(JobMetricNames.LAST_SUCCESS)).isEmpty();
    }
}
