package io.tierlens.app.cli;

import io.tierlens.app.logging.LogFormat;
import io.tierlens.app.logging.LogSetup;
import picocli.CommandLine.Option;

/** {@code --log-format} and {@code --log-level}, shared by the commands that run exporters. */
public final class LoggingOptions {
    @Option(
            names = "--log-format",
            defaultValue = "human",
            description = "human (default) or json: one JSON object per line, for log pipelines in clusters.")
    String format;

    @Option(names = "--log-level", defaultValue = "info", description = "error, warn, info (default), debug.")
    String level;

    public void apply() {
        LogSetup.configure("json".equalsIgnoreCase(format) ? LogFormat.JSON : LogFormat.HUMAN, level);
    }
}
