package io.tierlens.dr.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One probe of an endpoint, blackbox_exporter style.
 *
 * @param target the probe's name, the {@code target} label
 * @param site the {@code site} label
 * @param success status valid and body matched (when a regex is set), within the timeout
 * @param duration time of the HTTP request, from connect to the end of the body (or to the failure)
 * @param httpStatus the final status after redirects; 0 when no response came
 * @param tlsExpiry the earliest {@code notAfter} of the certificate chain the server presented (read even when
 *     the certificate is self-signed or expired); empty for plain HTTP or when no handshake succeeded
 * @param failure why the probe failed, when it did
 */
public record ProbeResult(
        String target,
        String site,
        boolean success,
        Duration duration,
        int httpStatus,
        Optional<Instant> tlsExpiry,
        Optional<FailureKind> failure) {}
