package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An HTTP(S) endpoint to probe, blackbox_exporter style.
 *
 * @param name the {@code target} label, e.g. {@code shop-primary}
 * @param site the {@code site} label (a name under {@code sites} when sites are configured)
 * @param url what to GET; redirects are followed
 * @param timeout limit for the whole probe, default 10s
 * @param validStatusCodes status codes that count as success; empty (default) means 200–299. A maintenance
 *     page usually answers 503: list it here for that probe.
 * @param bodyRegex when set, the body (its first MiB) must contain a match
 * @param insecureSkipVerify accept any certificate for the HTTP request (the TLS expiry is read either way)
 */
public record ProbeConfig(
        String name,
        String site,
        String url,
        Duration timeout,
        List<Integer> validStatusCodes,
        String bodyRegex,
        Boolean insecureSkipVerify)
        implements ConfigChecked {
    public ProbeConfig {
        name = name == null ? "" : name.strip();
        site = site == null ? "" : site.strip();
        url = url == null ? "" : url.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        validStatusCodes = validStatusCodes == null ? List.of() : List.copyOf(validStatusCodes);
        bodyRegex = bodyRegex == null ? "" : bodyRegex;
        insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
    }

    public boolean statusOk(int status) {
        return validStatusCodes.isEmpty() ? status >= 200 && status < 300 : validStatusCodes.contains(status);
    }

    public Optional<Pattern> bodyPattern() {
        return bodyRegex.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(bodyRegex));
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (name.isEmpty()) {
            problems.add(ConfigProblems.join(path, "name"), "a probe needs a name", "e.g. name: shop-primary");
        }
        if (site.isEmpty()) {
            problems.add(ConfigProblems.join(path, "site"), "a probe needs a site", "e.g. site: dr");
        }
        if (!DrConfig.httpUrl(url)) {
            problems.add(
                    ConfigProblems.join(path, "url"),
                    "missing or not an http(s) URL",
                    "write e.g. https://shop.example.com/health");
        }
        if (timeout.isZero()) {
            problems.add(ConfigProblems.join(path, "timeout"), "must be longer than 0s", "the default is 10s");
        }
        for (int i = 0; i < validStatusCodes.size(); i++) {
            int code = validStatusCodes.get(i);
            if (code < 100 || code > 599) {
                problems.add(
                        ConfigProblems.join(path, "valid_status_codes") + "[" + i + "]",
                        code + " is not an HTTP status code",
                        "use codes between 100 and 599");
            }
        }
        try {
            bodyPattern();
        } catch (PatternSyntaxException e) {
            problems.add(
                    ConfigProblems.join(path, "body_regex"),
                    "not a valid regular expression: " + e.getDescription(),
                    "use Java regex syntax, e.g. (?i)maintenance");
        }
    }
}
