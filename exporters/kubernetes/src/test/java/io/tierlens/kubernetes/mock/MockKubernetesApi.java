package io.tierlens.kubernetes.mock;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.tierlens.kubernetes.client.KubernetesClientProvider;
import io.tierlens.kubernetes.discovery.KarpenterApiDetector;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode (objects persist, watches see changes) plus the discovery answer for
 * {@code /apis/karpenter.sh}, which the CRUD mode does not compute. Used by the demo and the tests; plain HTTP
 * on the loopback interface.
 */
public final class MockKubernetesApi implements AutoCloseable {
    private final KubernetesMockServer server;

    private MockKubernetesApi(KubernetesMockServer server) {
        this.server = server;
    }

    /** A server on a free port serving the given {@code karpenter.sh} versions (none: Karpenter not installed). */
    public static MockKubernetesApi start(List<String> karpenterVersions) {
        return start(karpenterVersions, 0);
    }

    /** On {@code port} (0 = any free one): tests restart a server on the same port to drop the watches. */
    public static MockKubernetesApi start(List<String> karpenterVersions, int port) {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new KubernetesMixedDispatcher(expectations),
                false);
        server.init(InetAddress.getLoopbackAddress(), port);
        if (!karpenterVersions.isEmpty()) {
            server.expect()
                    .get()
                    .withPath("/apis/" + KarpenterApiDetector.GROUP)
                    .andReturn(200, group(karpenterVersions))
                    .always();
        }
        return new MockKubernetesApi(server);
    }

    private static APIGroup group(List<String> versions) {
        List<GroupVersionForDiscovery> vs = versions.stream()
                .map(v -> new GroupVersionForDiscovery(KarpenterApiDetector.GROUP + "/" + v, v))
                .toList();
        return new APIGroupBuilder()
                .withName(KarpenterApiDetector.GROUP)
                .withVersions(vs)
                .withPreferredVersion(vs.get(0))
                .build();
    }

    public KubernetesClient client() {
        return server.createClient();
    }

    public int port() {
        return server.getPort();
    }

    /** Requests the server has answered so far (watches count once, when opened). */
    public int requestCount() {
        return server.getRequestCount();
    }

    /**
     * Method and path of every request answered since the last call (the first call: since the start), e.g.
     * {@code GET /api/v1/nodes?watch=true&...}.
     */
    public List<String> takeRequests() {
        List<String> out = new java.util.ArrayList<>();
        try {
            for (var r = server.takeRequest(1, TimeUnit.MILLISECONDS);
                    r != null;
                    r = server.takeRequest(1, TimeUnit.MILLISECONDS)) {
                out.add(r.getMethod() + " " + r.getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    public KubernetesClientProvider provider() {
        return new KubernetesClientProvider() {
            @Override
            public KubernetesClient connect() {
                return client();
            }

            @Override
            public String describe() {
                return "mock API server on port " + port();
            }
        };
    }

    @Override
    public void close() {
        server.destroy();
    }
}
