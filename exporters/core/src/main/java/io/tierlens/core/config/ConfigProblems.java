package io.tierlens.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects errors while a file is bound and checked, so the user sees all of them at once. */
public final class ConfigProblems {
    private final List<ConfigError> errors = new ArrayList<>();

    public void add(String path, String message, String fix) {
        errors.add(new ConfigError(path, message, fix));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    public static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
