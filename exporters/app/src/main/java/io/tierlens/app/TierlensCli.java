package io.tierlens.app;

import io.tierlens.app.cli.CheckConfigCommand;
import io.tierlens.app.cli.ConfigSchemaCommand;
import io.tierlens.app.cli.PlanCommand;
import io.tierlens.app.cli.RunCommand;
import io.tierlens.app.wiring.BuildInfo;
import io.tierlens.batch.cli.RunJobCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tierlens}: the one binary. Subcommands run, check-config, config-schema, plan and run-job; the demo ships
 * separately ({@code tierlens-demo.jar}, module {@code exporters/demo}). */
@Command(
        name = "tierlens",
        mixinStandardHelpOptions = true,
        versionProvider = TierlensCli.Version.class,
        description = "Observability and cost exporters for 3-tier web applications on AWS EKS.",
        subcommands = {
            RunCommand.class,
            CheckConfigCommand.class,
            ConfigSchemaCommand.class,
            PlanCommand.class,
            RunJobCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TierlensCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        // run returns only after shutdown; everything else exits with its code
        System.exit(code);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new TierlensCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // One clear line for the operator (a port in use, an unreadable file), not a stack trace.
                    cmd.getErr().println("tierlens: " + describe(e));
                    cmd.getErr().flush();
                    return 1;
                });
    }

    private static String describe(Throwable e) {
        if (e instanceof java.net.BindException) {
            return "cannot listen: " + e.getMessage() + " (is another process using the port? use --port)";
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tierlens --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.load();
            return new String[] {"tierlens " + b.version() + " (" + b.revision() + "), Java " + b.javaVersion()};
        }
    }
}
