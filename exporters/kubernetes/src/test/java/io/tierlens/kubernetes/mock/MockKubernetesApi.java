package io.tierlens.kubernetes.mock;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
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

    private final List<String> forbidden;

    private MockKubernetesApi(KubernetesMockServer server, List<String> forbidden) {
        this.server = server;
        this.forbidden = forbidden;
    }

    /** Lifts every 403 given at start, as an RBAC fix would. */
    public void allow() {
        forbidden.clear();
    }

    /** A server on a free port serving the given {@code karpenter.sh} versions (none: Karpenter not installed). */
    public static MockKubernetesApi start(List<String> karpenterVersions) {
        return start(karpenterVersions, 0);
    }

    /** On {@code port} (0 = any free one): tests restart a server on the same port to drop the watches. */
    public static MockKubernetesApi start(List<String> karpenterVersions, int port) {
        return start(karpenterVersions, port, List.of());
    }

    /**
     * As {@link #start(List)}, but every request whose path starts with one of {@code forbiddenPrefixes} (e.g.
     * {@code /apis/karpenter.sh/v1/}) is answered 403 with a Kubernetes {@code Status}, as the API server does for
     * a ServiceAccount whose RBAC lacks that group. A dispatcher, not expectations: informers add query strings
     * (limit, resourceVersion, watch) that expectations would have to match exactly. Discovery stays allowed, as
     * it is for every authenticated user.
     */
    public static MockKubernetesApi start(List<String> karpenterVersions, int port, List<String> forbiddenPrefixes) {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        List<String> forbidden = new java.util.concurrent.CopyOnWriteArrayList<>(forbiddenPrefixes);
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new KubernetesMixedDispatcher(expectations) {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        String path = String.valueOf(request.getPath());
                        if (forbidden.stream().anyMatch(path::startsWith)) {
                            return forbiddenStatus(path);
                        }
                        return super.dispatch(request);
                    }
                },
                false);
        server.init(InetAddress.getLoopbackAddress(), port);
        if (!karpenterVersions.isEmpty()) {
            server.expect()
                    .get()
                    .withPath("/apis/" + KarpenterApiDetector.GROUP)
                    .andReturn(200, group(karpenterVersions))
                    .always();
        }
        return new MockKubernetesApi(server, forbidden);
    }

    private static MockResponse forbiddenStatus(String path) {
        Status status = new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage("forbidden: User \"system:serviceaccount:monitoring:tierlens\" cannot access " + path)
                .build();
        return new MockResponse()
                .setResponseCode(403)
                .setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
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
