package io.tierlens.batch;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LabelSelectors;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code exporters.batch:} — the exporter side of batch jobs: CronJob status from Kubernetes. (The job results
 * themselves are pushed by {@code tierlens run-job} and scraped from the Pushgateway.)
 *
 * @param enabled default false: it needs a Kubernetes API and RBAC for CronJobs and Jobs
 * @param refresh how often CronJobs and Jobs are listed, default 60s
 * @param maxStaleness how long last good data is served while listing fails, default 10m
 * @param namespaces namespaces to watch; empty (default) watches all, which needs a ClusterRole
 * @param labelSelector only CronJobs matching this selector, e.g. {@code tier=batch}; empty for all
 * @param apiTimeout connect and request timeout of the Kubernetes client, default 10s
 */
public record BatchConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        List<String> namespaces,
        String labelSelector,
        Duration apiTimeout)
        implements ExporterSettings, ConfigChecked {
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public BatchConfig {
        enabled = enabled != null && enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(10) : maxStaleness;
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        labelSelector = labelSelector == null ? "" : labelSelector.strip();
        apiTimeout = apiTimeout == null ? Duration.ofSeconds(10) : apiTimeout;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        LabelSelectors.check(labelSelector, ConfigProblems.join(path, "label_selector"), problems);
        for (int i = 0; i < namespaces.size(); i++) {
            if (!NAMESPACE.matcher(namespaces.get(i)).matches()) {
                problems.add(
                        ConfigProblems.join(path, "namespaces") + "[" + i + "]",
                        "\"" + namespaces.get(i) + "\" is not a Kubernetes namespace name",
                        "use lower-case letters, digits and '-', e.g. batch-jobs");
            }
        }
        if (apiTimeout.isZero() || apiTimeout.compareTo(refresh) > 0) {
            problems.add(
                    ConfigProblems.join(path, "api_timeout"),
                    "must be longer than 0s and at most refresh",
                    "the default is 10s");
        }
    }
}
