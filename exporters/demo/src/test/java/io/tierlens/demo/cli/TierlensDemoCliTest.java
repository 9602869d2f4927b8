package io.tierlens.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.cli.Configs;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option checks of {@code tierlens-demo demo} that fail before anything starts. */
class TierlensDemoCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = TierlensDemoCli.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void offersTheDemoCommandWithItsOptions() {
        assertThat(run("help", "demo")).isZero();
        assertThat(out.toString())
                .contains(
                        "--scale", "--speed", "--port", "--only", "--aws-latency", "--session-layout", "--fault-file");
    }

    @Test
    void refusesAnUnknownSessionLayout() {
        assertThat(run("demo", "--session-layout", "sorted")).isEqualTo(Configs.INVALID);
        assertThat(err.toString())
                .contains("--session-layout: expected plain, indexed or indexed-zset, got \"sorted\"");
    }

    @Test
    void refusesAnUnknownExporter() {
        assertThat(run("demo", "--only", "alb,nope")).isEqualTo(Configs.INVALID);
        assertThat(err.toString()).contains("--only: unknown exporter(s) [nope]");
    }
}
