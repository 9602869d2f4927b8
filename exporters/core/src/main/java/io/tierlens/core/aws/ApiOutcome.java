package io.tierlens.core.aws;

import java.util.Locale;

/** Outcome of one AWS request attempt, the {@code outcome} label of {@code tierlens_aws_api_requests_total}. */
public enum ApiOutcome {
    OK,
    THROTTLED,
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
