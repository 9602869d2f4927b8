package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what fabric8 throws into an {@link ExporterException} with a bounded reason. */
final class KubernetesFailures {
    private KubernetesFailures() {}

    static ExporterException of(String what, Throwable t) {
        Throwable e = unwrap(t);
        String reason = reason(e);
        String detail = e instanceof KubernetesClientException k && k.getCode() > 0
                ? "HTTP " + k.getCode()
                : e.getClass().getSimpleName();
        String hint = switch (reason) {
            case FailureReason.ACCESS_DENIED -> " (check the RBAC in docs/exporters/karpenter.md)";
            case FailureReason.UNREACHABLE -> " (is the API server reachable from here?)";
            default -> "";
        };
        return new ExporterException(reason, what + " failed: " + detail + hint, e);
    }

    static String reason(Throwable e) {
        if (e instanceof TimeoutException) {
            return FailureReason.TIMEOUT;
        }
        if (e instanceof KubernetesClientException k) {
            int code = k.getCode();
            if (code == 401 || code == 403) {
                return FailureReason.ACCESS_DENIED;
            }
            if (code == 429) {
                return FailureReason.THROTTLED;
            }
            if (code >= 500) {
                return FailureReason.REMOTE_ERROR;
            }
            if (code >= 400) {
                return FailureReason.INVALID_RESPONSE;
            }
            // no HTTP answer at all: the cause (a refused connection, a timeout) says what happened
        }
        return FailureReason.of(e);
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
