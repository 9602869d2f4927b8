package io.tierlens.core.config;

/**
 * A config record with rules beyond types (a positive duration, a known region). {@link ConfigBinder} calls
 * {@link #check} after building the record, with the record's own path.
 */
public interface ConfigChecked {
    void check(String path, ConfigProblems problems);
}
