package io.tierlens.core.config;

import java.time.Duration;

/**
 * {@code ha:} — leader election on a {@code coordination.k8s.io/v1} Lease, so that two replicas cost what one costs:
 * only the leader reads AWS, Redis and Kubernetes; the standby serves self-metrics only (docs/scaling.md).
 *
 * @param enabled default false
 * @param leaseName Lease name, default {@code tierlens}; in sharded mode {@code <lease_name>-shard-<index>}
 * @param leaseNamespace default: env {@code POD_NAMESPACE}, else the service account's namespace file
 * @param leaseDuration how long a standby waits after the last renewal before it takes over, default 15s
 * @param renewDeadline how long the leader keeps trying to renew before it stops working, default 10s
 * @param retryPeriod how often candidates try to acquire and the leader renews, default 2s
 */
public record HaConfig(
        Boolean enabled,
        String leaseName,
        String leaseNamespace,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod)
        implements ConfigChecked {

    /** Lease names are DNS subdomains; with the {@code -shard-<n>} suffix they must still fit. */
    private static final String LEASE_NAME = "[a-z0-9]([-a-z0-9.]{0,200}[a-z0-9])?";

    public HaConfig {
        enabled = enabled != null && enabled;
        leaseName = leaseName == null || leaseName.isBlank() ? "tierlens" : leaseName.trim();
        leaseNamespace = leaseNamespace == null ? "" : leaseNamespace.trim();
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
        renewDeadline = renewDeadline == null ? Duration.ofSeconds(10) : renewDeadline;
        retryPeriod = retryPeriod == null ? Duration.ofSeconds(2) : retryPeriod;
    }

    public static HaConfig disabled() {
        return new HaConfig(null, null, null, null, null, null);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!leaseName.matches(LEASE_NAME)) {
            problems.add(
                    ConfigProblems.join(path, "lease_name"),
                    "is not a Kubernetes object name",
                    "use lower-case letters, digits and '-', e.g. tierlens");
        }
        if (!leaseNamespace.isEmpty() && !leaseNamespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            problems.add(
                    ConfigProblems.join(path, "lease_namespace"),
                    "is not a Kubernetes namespace name",
                    "leave it empty to use the pod's namespace (env POD_NAMESPACE)");
        }
        // The same order client-go and fabric8 demand: a leader gives up (renew deadline) before a standby may take
        // over (lease duration), and retries often enough to renew within the deadline.
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            problems.add(
                    ConfigProblems.join(path, "renew_deadline"),
                    "must be shorter than lease_duration",
                    "otherwise two replicas can both believe they lead; the defaults are 10s and 15s");
        }
        if (retryPeriod.multipliedBy(12).dividedBy(10).compareTo(renewDeadline) >= 0) {
            problems.add(
                    ConfigProblems.join(path, "retry_period"),
                    "must be shorter than renew_deadline / 1.2",
                    "the leader must get at least one renewal in before its deadline; the default is 2s");
        }
        if (retryPeriod.compareTo(Duration.ofMillis(100)) < 0) {
            problems.add(
                    ConfigProblems.join(path, "retry_period"),
                    "must be at least 100ms",
                    "each retry is a request to the API server; the default is 2s");
        }
    }
}
