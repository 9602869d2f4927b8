package io.tierlens.dr.model;

import java.util.Locale;

/**
 * Why a check failed, as a small fixed set: the {@code reason} label. Route53 health checkers report free text
 * ("Failure: Connection timed out. The endpoint or the internet connection is down, ..."); it never becomes a
 * label itself. Probes use the same words.
 */
public enum FailureKind {
    TIMEOUT,
    CONNECTION_REFUSED,
    HTTP_STATUS,
    STRING_MISMATCH,
    SSL,
    DNS,
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classifies a Route53 {@code StatusReport.Status} text. */
    public static FailureKind ofStatusReport(String status) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (s.contains("timed out") || s.contains("timeout")) {
            return TIMEOUT;
        }
        if (s.contains("connection refused") || s.contains("connection reset")) {
            return CONNECTION_REFUSED;
        }
        if (s.contains("ssl") || s.contains("tls") || s.contains("certificate") || s.contains("handshake")) {
            return SSL;
        }
        if (s.contains("search string") || s.contains("string") && s.contains("not found")) {
            return STRING_MISMATCH;
        }
        if (s.contains("http status code") || s.contains("status code")) {
            return HTTP_STATUS;
        }
        if (s.contains("resolve") || s.contains("dns")) {
            return DNS;
        }
        return OTHER;
    }
}
