package io.tierlens.core.config;

/**
 * One problem in a configuration file.
 *
 * @param path dotted path of the offending key, e.g. {@code exporters.alb.refresh}; empty for the whole file
 * @param message what is wrong
 * @param fix how to fix it
 */
public record ConfigError(String path, String message, String fix) {

    /** {@code file: path: message. Fix: fix} — one line, the format {@code check-config} prints. */
    public String format(String file) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (fix != null && !fix.isEmpty()) {
            sb.append(". Fix: ").append(fix);
        }
        return sb.toString();
    }
}
