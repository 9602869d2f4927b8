package io.tierlens.app.logging;

import java.util.logging.Level;

/** Small helpers shared by the two formatters. */
final class Levels {
    private Levels() {}

    /** SLF4J level names for JUL levels (slf4j-jdk14 maps DEBUG to FINE, TRACE to FINEST). */
    static String name(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    /** {@code io.tierlens.core.exporter.ExporterRunner} → {@code ExporterRunner}. */
    static String shortLogger(String name) {
        if (name == null) {
            return "";
        }
        int i = name.lastIndexOf('.');
        return i < 0 ? name : name.substring(i + 1);
    }

    /** Keeps one event on one line whatever the message contains. */
    static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
