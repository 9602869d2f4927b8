package io.tierlens.app.logging;

/** {@code --log-format}: human-readable lines for terminals, JSON lines for log pipelines in clusters. */
public enum LogFormat {
    HUMAN,
    JSON
}
