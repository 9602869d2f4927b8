package io.tierlens.app.logging;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per line: {@code {"time":…,"level":…,"logger":…,"message":…}}. */
final class JsonFormatter extends Formatter {

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("{\"time\":\"").append(Instant.ofEpochMilli(r.getMillis())).append('"');
        sb.append(",\"level\":\"").append(Levels.name(r.getLevel())).append('"');
        sb.append(",\"logger\":");
        quote(sb, Levels.shortLogger(r.getLoggerName()));
        sb.append(",\"message\":");
        quote(sb, formatMessage(r));
        if (r.getThrown() != null) {
            sb.append(",\"error\":");
            quote(sb, String.valueOf(r.getThrown()));
        }
        return sb.append("}\n").toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
