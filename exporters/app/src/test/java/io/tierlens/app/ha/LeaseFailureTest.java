package io.tierlens.app.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The reason label of a failed Lease request is bounded and says what to fix. */
class LeaseFailureTest {
    @Test
    void httpStatusesMapToTheirReasons() {
        assertThat(LeaseFailure.reason(new KubernetesClientException("x", 403, null)))
                .isEqualTo("forbidden");
        assertThat(LeaseFailure.reason(new KubernetesClientException("x", 401, null)))
                .isEqualTo("unauthorized");
        assertThat(LeaseFailure.reason(new KubernetesClientException("x", 409, null)))
                .isEqualTo("conflict");
        assertThat(LeaseFailure.reason(new KubernetesClientException("x", 503, null)))
                .isEqualTo("server_error");
        assertThat(LeaseFailure.reason(new KubernetesClientException("x", 422, null)))
                .isEqualTo("other");
    }

    @Test
    void anUnreachableServerIsToldApartFromOtherFailures() {
        assertThat(LeaseFailure.reason(
                        new KubernetesClientException("Operation: [get]", new ConnectException("refused"))))
                .isEqualTo("unreachable");
        assertThat(LeaseFailure.reason(new RuntimeException(new IOException("connection closed locally"))))
                .isEqualTo("unreachable");
        assertThat(LeaseFailure.reason(new IllegalStateException("closed client")))
                .isEqualTo("other");
        assertThat(LeaderMetrics.REASONS).contains("forbidden", "unauthorized", "conflict", "unreachable");
    }
}
