package io.tierlens.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What fabric8 throws, as the bounded {@code reason} of tierlens_refresh_errors_total. */
class KubernetesFailuresTest {

    private static KubernetesClientException http(int code) {
        return new KubernetesClientException("status " + code, code, null);
    }

    @Test
    void httpStatusesMapToBoundedReasons() {
        assertThat(KubernetesFailures.reason(http(403))).isEqualTo(FailureReason.ACCESS_DENIED);
        assertThat(KubernetesFailures.reason(http(401))).isEqualTo(FailureReason.ACCESS_DENIED);
        assertThat(KubernetesFailures.reason(http(429))).isEqualTo(FailureReason.THROTTLED);
        assertThat(KubernetesFailures.reason(http(503))).isEqualTo(FailureReason.REMOTE_ERROR);
        assertThat(KubernetesFailures.reason(http(404))).isEqualTo(FailureReason.INVALID_RESPONSE);
        assertThat(KubernetesFailures.reason(new TimeoutException())).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void theMessageSaysWhatFailedAndHintsAtTheFixWithoutTheServersText() {
        ExporterException e =
                KubernetesFailures.of("starting the kubernetes watches", new ExecutionException(http(403)));

        assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
        assertThat(e.getMessage())
                .isEqualTo("starting the kubernetes watches failed: HTTP 403 (check the RBAC in"
                        + " docs/exporters/karpenter.md)");
    }

    @Test
    void noHttpAnswerIsClassifiedByItsCause() {
        ExporterException e = KubernetesFailures.of(
                "listing", new KubernetesClientException("connect failed", new ConnectException("Connection refused")));

        assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE);
        assertThat(e.getMessage())
                .isEqualTo("listing failed: KubernetesClientException (is the API server reachable from here?)");
    }
}
