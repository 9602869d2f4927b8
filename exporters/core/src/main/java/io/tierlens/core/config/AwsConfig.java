package io.tierlens.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * {@code aws:} — how every AWS client is built.
 *
 * @param endpoint endpoint override for every service (tests, emulators); empty uses AWS
 * @param accountId account id label for the default credentials; empty asks STS GetCallerIdentity once at start
 * @param callTimeout limit for one call including retries, default 30s
 * @param attemptTimeout limit for one HTTP attempt, default 10s
 * @param maxAttempts attempts per call with adaptive retry, default 5
 * @param requestsPerSecond token bucket per (service, operation), default 5 per second
 * @param operationRequestsPerSecond overrides per operation name, e.g. {@code GetMetricData: 10}
 * @param watchDefaultAccount watch the default credentials' own account in {@code regions}, default true; set
 *     false when tierlens runs in a tooling account and only watches {@code accounts}
 */
public record AwsConfig(
        String endpoint,
        String accountId,
        Duration callTimeout,
        Duration attemptTimeout,
        Integer maxAttempts,
        Double requestsPerSecond,
        Map<String, Double> operationRequestsPerSecond,
        Boolean watchDefaultAccount)
        implements ConfigChecked {

    public AwsConfig {
        endpoint = endpoint == null ? "" : endpoint;
        accountId = accountId == null ? "" : accountId;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(10) : attemptTimeout;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        requestsPerSecond = requestsPerSecond == null ? 5.0 : requestsPerSecond;
        operationRequestsPerSecond =
                operationRequestsPerSecond == null ? Map.of() : Map.copyOf(operationRequestsPerSecond);
        watchDefaultAccount = watchDefaultAccount == null || watchDefaultAccount;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!endpoint.isEmpty() && !endpoint.matches("https?://.+")) {
            problems.add(
                    ConfigProblems.join(path, "endpoint"),
                    "not an http(s) URL",
                    "write e.g. http://localhost:4566, or remove it to use AWS");
        }
        if (!accountId.isEmpty() && !accountId.matches("\\d{12}")) {
            problems.add(
                    ConfigProblems.join(path, "account_id"),
                    "an account id has 12 digits",
                    "quote it in YAML: account_id: \"123456789012\"");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            problems.add(ConfigProblems.join(path, "max_attempts"), "must be between 1 and 20", "the default is 5");
        }
        if (attemptTimeout.compareTo(callTimeout) > 0) {
            problems.add(
                    ConfigProblems.join(path, "attempt_timeout"),
                    "is longer than call_timeout",
                    "make attempt_timeout at most call_timeout");
        }
        if (requestsPerSecond <= 0) {
            problems.add(ConfigProblems.join(path, "requests_per_second"), "must be positive", "the default is 5");
        }
        operationRequestsPerSecond.forEach((op, rate) -> {
            if (rate == null || rate <= 0) {
                problems.add(
                        ConfigProblems.join(path, "operation_requests_per_second." + op),
                        "must be positive",
                        "remove it or give a rate like 10");
            }
        });
    }
}
