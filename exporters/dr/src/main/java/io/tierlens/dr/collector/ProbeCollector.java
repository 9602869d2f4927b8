package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.model.ProbeResult;
import java.util.List;

/** Endpoint probes in blackbox_exporter's shape, plus the failure reason (a contract addition). */
public final class ProbeCollector {
    public static final String SUCCESS = "tierlens_dr_probe_success";
    public static final String DURATION = "tierlens_dr_probe_duration_seconds";
    public static final String HTTP_STATUS = "tierlens_dr_probe_http_status";
    public static final String TLS_EXPIRY = "tierlens_dr_probe_tls_expiry_timestamp_seconds";
    public static final String FAILURE = "tierlens_dr_probe_failure";

    private ProbeCollector() {}

    public static void collect(SnapshotAssembler out, List<ProbeResult> probes) {
        var success = out.gauge(
                SUCCESS, "1 if the probe succeeded (status, body, within timeout), else 0.", "target", "site");
        var duration = out.gauge(DURATION, "Time of the probe's HTTP request in seconds.", "target", "site");
        var status = out.gauge(
                HTTP_STATUS, "HTTP status of the probe's final response; 0 when no response came.", "target", "site");
        var expiry = out.gauge(
                TLS_EXPIRY,
                "Unix time the earliest certificate presented by the endpoint expires (also when it is self-signed"
                        + " or expired).",
                "target",
                "site");
        var failure = out.gauge(
                FAILURE,
                "1 for the reason a failing probe failed (timeout, connection_refused, http_status, string_mismatch,"
                        + " ssl, dns, other); absent while it succeeds.",
                "target",
                "site",
                "reason");
        for (ProbeResult p : probes) {
            success.add(p.success() ? 1 : 0, p.target(), p.site());
            duration.add(p.duration().toNanos() / 1e9, p.target(), p.site());
            status.add(p.httpStatus(), p.target(), p.site());
            p.tlsExpiry().ifPresent(t -> expiry.add(t.toEpochMilli() / 1000.0, p.target(), p.site()));
            p.failure().ifPresent(f -> failure.add(1, p.target(), p.site(), f.label()));
        }
    }
}
