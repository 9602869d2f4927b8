package io.tierlens.app.ha;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/** The bounded reason of a failed Lease request; never the message, which may name the server or the token file. */
final class LeaseFailure {
    private LeaseFailure() {}

    static String reason(Throwable e) {
        if (e instanceof KubernetesClientException k && k.getCode() > 0) {
            int code = k.getCode();
            if (code == 401) {
                return "unauthorized";
            }
            if (code == 403) {
                return "forbidden";
            }
            if (code == 409) {
                return "conflict";
            }
            if (code >= 500) {
                return "server_error";
            }
            return "other";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return "unreachable";
            }
        }
        return "other";
    }
}
