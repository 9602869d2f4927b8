package io.tierlens.dr.model;

/**
 * A Route53 health check.
 *
 * @param id the health check id, the {@code health_check} label
 * @param type HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, CLOUDWATCH_METRIC or
 *     RECOVERY_CONTROL
 * @param name what it checks, e.g. {@code shop.example.com:443/health}, the {@code name} label (bounded by the
 *     inventory; the Name tag would need another API call and permission)
 */
public record HealthCheck(String id, String type, String name) {

    /** Whether GetHealthCheckStatus answers for this type: only endpoint checks have checker observations. */
    public boolean hasCheckerObservations() {
        return !type.equals("CALCULATED") && !type.equals("CLOUDWATCH_METRIC") && !type.equals("RECOVERY_CONTROL");
    }

    /** The {@code name} label of an endpoint check: host (or IP), a non-default port, and the path. */
    public static String endpointName(String type, String fqdn, String ip, Integer port, String path) {
        String host = fqdn != null && !fqdn.isEmpty() ? fqdn : ip == null ? "" : ip;
        boolean https = type.startsWith("HTTPS");
        int defaultPort = https ? 443 : 80;
        StringBuilder sb = new StringBuilder(host);
        if (port != null && (type.equals("TCP") || port != defaultPort)) {
            sb.append(':').append(port);
        }
        if (path != null && !path.isEmpty() && !type.equals("TCP")) {
            sb.append(path.startsWith("/") ? "" : "/").append(path);
        }
        return sb.toString();
    }
}
