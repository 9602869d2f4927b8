package io.tierlens.app.logging;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes all logging (ours through SLF4J → JUL, the AWS SDK's, fabric8's) to stderr in the chosen format.
 * Third-party libraries are held at WARN so a normal run prints only what an operator needs.
 */
public final class LogSetup {
    // JUL holds loggers weakly; a configured level is lost if nobody keeps the logger.
    private static final Logger TIERLENS = Logger.getLogger("io.tierlens");
    /**
     * The Azure SDK and MSAL log every failed request at ERROR (and a restricted-header WARN on each request): the dr
     * exporter already logs and counts each failure once with a bounded reason, so their lines would only repeat it
     * every refresh (and Azure's messages name principals).
     */
    private static final List<Logger> SILENCED =
            List.of(Logger.getLogger("com.azure"), Logger.getLogger("com.microsoft.aad.msal4j"));

    private LogSetup() {}

    public static void configure(LogFormat format, String level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Level ours = parse(level);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(format == LogFormat.JSON ? new JsonFormatter() : new HumanFormatter());
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        TIERLENS.setLevel(ours);
        SILENCED.forEach(l -> l.setLevel(Level.OFF));
    }

    static Level parse(String level) {
        return switch (level.toLowerCase(java.util.Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        };
    }
}
