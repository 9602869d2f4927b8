package io.tierlens.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration file has one or more errors; carries all of them, not just the first. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final transient List<ConfigError> errors;

    public ConfigException(String file, List<ConfigError> errors) {
        super(errors.stream().map(e -> e.format(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public String file() {
        return file;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** Every error, one formatted line each. */
    public List<String> lines() {
        return errors.stream().map(e -> e.format(file)).toList();
    }
}
