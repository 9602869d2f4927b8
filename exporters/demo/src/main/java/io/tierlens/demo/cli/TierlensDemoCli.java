package io.tierlens.demo.cli;

import io.tierlens.app.TierlensCli;
import io.tierlens.app.launch.JvmDefaults;
import io.tierlens.app.launch.Launcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tierlens-demo.jar}: the demo as its own binary, so that the production {@code tierlens.jar} carries no
 * simulation, mock server or embedded redis-server. Its one subcommand is {@code demo}.
 */
@Command(
        name = "tierlens-demo",
        mixinStandardHelpOptions = true,
        versionProvider = TierlensCli.Version.class,
        description = "tierlens against a simulated account and cluster; nothing is real.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class TierlensDemoCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The jar's Main-Class: like the production jar, {@code java -jar tierlens-demo.jar demo} with no JVM flags runs
     * the demo in a child JVM with the exporter's flags (serial GC, capped heap) instead of the JVM's defaults for a
     * big host, which took gigabytes at {@code --scale 200}.
     */
    public static void main(String[] args) throws Exception {
        Launcher.relaunchOrRun(
                TierlensDemoCli.class.getName(),
                args,
                TierlensDemoCli::runInProcess,
                // the demo also holds the simulated AWS side and the mock Kubernetes API
                JvmDefaults.exporter().withHeapCap(128L << 20));
    }

    static void runInProcess(String[] args) {
        // demo returns only after shutdown; a usage error exits with its code
        System.exit(commandLine().execute(args));
    }

    /** The same error handling as {@code tierlens}: one clear line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine production = TierlensCli.commandLine();
        return new CommandLine(new TierlensDemoCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(production.getExecutionExceptionHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
