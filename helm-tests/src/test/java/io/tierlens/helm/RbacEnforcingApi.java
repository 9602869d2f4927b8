package io.tierlens.helm;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
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
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's mock API server in CRUD mode that authorises every request against one ClusterRole, the way the API
 * server's RBAC authoriser does for a ServiceAccount bound to it: a resource request whose (apiGroup, resource,
 * verb) no rule grants is answered 403 with a Kubernetes Status. Discovery ({@code /api}, {@code /apis/...} without
 * a resource) stays open, as {@code system:discovery} grants it to every authenticated user. The test seeds objects
 * before it turns enforcement on.
 */
final class RbacEnforcingApi implements AutoCloseable {
    /** One authorisation decision: what was asked and whether the role allowed it. */
    record Decision(String verb, String apiGroup, String resource, boolean allowed) {}

    private final KubernetesMockServer server;
    private final List<Decision> decisions = new CopyOnWriteArrayList<>();
    private volatile ClusterRole role;

    private RbacEnforcingApi() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new KubernetesMixedDispatcher(expectations) {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        Optional<MockResponse> denied = authorise(request);
                        return denied.orElseGet(() -> super.dispatch(request));
                    }
                },
                false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        // CRUD mode does not compute discovery for custom groups; Karpenter v1 is installed in this cluster.
        GroupVersionForDiscovery v1 = new GroupVersionForDiscovery("karpenter.sh/v1", "v1");
        server.expect()
                .get()
                .withPath("/apis/karpenter.sh")
                .andReturn(
                        200,
                        new APIGroupBuilder()
                                .withName("karpenter.sh")
                                .withVersions(v1)
                                .withPreferredVersion(v1)
                                .build())
                .always();
    }

    static RbacEnforcingApi start() {
        return new RbacEnforcingApi();
    }

    /** From now on every request is checked against {@code role}. */
    void enforce(ClusterRole role) {
        this.role = role;
    }

    KubernetesClient client() {
        return server.createClient();
    }

    String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    private Optional<MockResponse> authorise(RecordedRequest request) {
        ClusterRole r = role;
        if (r == null) {
            return Optional.empty();
        }
        Optional<Decision> asked = decision(request.getMethod(), String.valueOf(request.getPath()));
        if (asked.isEmpty()) {
            return Optional.empty(); // discovery
        }
        Decision d = asked.get();
        boolean allowed = r.getRules().stream().anyMatch(rule -> grants(rule, d));
        Decision recorded = new Decision(d.verb(), d.apiGroup(), d.resource(), allowed);
        decisions.add(recorded);
        return allowed ? Optional.empty() : Optional.of(forbidden(recorded));
    }

    private static boolean grants(PolicyRule rule, Decision d) {
        return matches(rule.getApiGroups(), d.apiGroup())
                && matches(rule.getResources(), d.resource())
                && matches(rule.getVerbs(), d.verb())
                && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty());
    }

    private static boolean matches(List<String> granted, String asked) {
        return granted != null && (granted.contains(asked) || granted.contains("*"));
    }

    /**
     * The RBAC attributes of a request, or empty for a non-resource (discovery) request. Paths:
     * {@code /api/v1/[namespaces/NS/]RESOURCE[/NAME]} and {@code /apis/GROUP/VERSION/[namespaces/NS/]RESOURCE[/NAME]}.
     */
    static Optional<Decision> decision(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        List<String> parts =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        List<String> rest;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return Optional.empty();
        }
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String resource = rest.get(0);
        boolean named = rest.size() > 1;
        boolean watch = Arrays.asList(query.split("&")).contains("watch=true");
        String verb = switch (method) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        return Optional.of(new Decision(verb, group, resource, false));
    }

    private static MockResponse forbidden(Decision d) {
        String what = d.resource() + (d.apiGroup().isEmpty() ? "" : "." + d.apiGroup());
        return new MockResponse()
                .setResponseCode(403)
                .setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(new StatusBuilder()
                        .withStatus("Failure")
                        .withReason("Forbidden")
                        .withCode(403)
                        .withMessage(what + " is forbidden: User \"system:serviceaccount:monitoring:tierlens\""
                                + " cannot " + d.verb() + " resource \"" + d.resource() + "\" in API group \""
                                + d.apiGroup() + "\" at the cluster scope")
                        .build()));
    }

    @Override
    public void close() {
        server.destroy();
    }
}
