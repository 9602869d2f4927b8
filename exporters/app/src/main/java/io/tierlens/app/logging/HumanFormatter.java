package io.tierlens.app.logging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code 2026-11-21T10:15:30.123Z INFO  exporter=alb started ...} — one line per event. */
final class HumanFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis())))
                .append(' ')
                .append(String.format("%-5s", Levels.name(r.getLevel())))
                .append(' ')
                .append(Levels.shortLogger(r.getLoggerName()))
                .append(": ")
                .append(Levels.oneLine(formatMessage(r)));
        if (r.getThrown() != null) {
            sb.append(" [")
                    .append(Levels.oneLine(String.valueOf(r.getThrown())))
                    .append(']');
        }
        return sb.append('\n').toString();
    }
}
