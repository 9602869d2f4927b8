package io.tierlens.demo.cli;

import io.tierlens.app.TierlensCli;
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

    public static void main(String[] args) {
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
