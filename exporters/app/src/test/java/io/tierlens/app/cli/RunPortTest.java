package io.tierlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.TierlensCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --port 70000} exited 1 with a raw exception after the exporters had started (issue 12). */
class RunPortTest {
    @TempDir
    Path dir;

    @Test
    void anOutOfRangePortIsAConfigErrorBeforeAnythingStarts() throws Exception {
        Path f = Files.writeString(dir.resolve("tierlens.yaml"), "regions: [eu-west-1]\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = TierlensCli.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));

        int code = cmd.execute("run", "--config", f.toString(), "--port", "70000");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("--port: 70000 is out of range")
                .contains("Fix: use 1-65535")
                .doesNotContain("Exception");
    }
}
