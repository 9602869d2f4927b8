package io.tierlens.core.http;

import java.util.List;

/** Result of a {@code POST /-/reload}: applied, or refused with every config error. */
public record ReloadOutcome(boolean applied, List<String> errors) {
    public ReloadOutcome {
        errors = List.copyOf(errors);
    }

    public static ReloadOutcome ok() {
        return new ReloadOutcome(true, List.of());
    }

    public static ReloadOutcome refused(List<String> errors) {
        return new ReloadOutcome(false, errors);
    }
}
