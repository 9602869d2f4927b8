package io.tierlens.helm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a Kubernetes API server on loopback for a dry-run {@code helm install}: version, discovery of the
 * API groups the chart uses (optionally the Prometheus Operator's monitoring.coreos.com/v1), an empty release history,
 * and 404 for everything else. Helm reads {@code .Capabilities} from this discovery, which is what
 * {@code --api-versions} stands in for, and maps every rendered kind to a resource of it.
 */
final class FakeKubernetesApi implements AutoCloseable {
    /** group/version → resources as {name: [Kind, namespaced]}. */
    private static final Map<String, Map<String, Object[]>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put(
                "v1",
                resources(
                        "configmaps",
                        "ConfigMap",
                        true,
                        "secrets",
                        "Secret",
                        true,
                        "services",
                        "Service",
                        true,
                        "serviceaccounts",
                        "ServiceAccount",
                        true,
                        "pods",
                        "Pod",
                        true,
                        "nodes",
                        "Node",
                        false,
                        "namespaces",
                        "Namespace",
                        false));
        BUILT_IN.put("apps/v1", resources("deployments", "Deployment", true));
        BUILT_IN.put("batch/v1", resources("cronjobs", "CronJob", true, "jobs", "Job", true));
        BUILT_IN.put("policy/v1", resources("poddisruptionbudgets", "PodDisruptionBudget", true));
        BUILT_IN.put("networking.k8s.io/v1", resources("networkpolicies", "NetworkPolicy", true));
        BUILT_IN.put(
                "rbac.authorization.k8s.io/v1",
                resources("clusterroles", "ClusterRole", false, "clusterrolebindings", "ClusterRoleBinding", false));
    }

    private static final Map<String, Object[]> MONITORING =
            resources("servicemonitors", "ServiceMonitor", true, "prometheusrules", "PrometheusRule", true);

    private final HttpServer server;
    private final Map<String, Map<String, Object[]>> groups = new LinkedHashMap<>(BUILT_IN);
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FakeKubernetesApi(boolean prometheusOperator) throws IOException {
        if (prometheusOperator) {
            groups.put("monitoring.coreos.com/v1", MONITORING);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A kubeconfig for this server. */
    String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster: {server: "http://127.0.0.1:%d"}
                users:
                  - name: fake
                    user: {token: fake}
                contexts:
                  - name: fake
                    context: {cluster: fake, user: fake, namespace: %s}
                current-context: fake
                """.formatted(server.getAddress().getPort(), Chart.NAMESPACE);
    }

    /** "METHOD path" of every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        ObjectNode body = exchange.getRequestMethod().equals("GET") ? answer(path) : null;
        int status = body == null ? 404 : 200;
        if (body == null) {
            body = Manifests.JSON
                    .createObjectNode()
                    .put("kind", "Status")
                    .put("apiVersion", "v1")
                    .put("status", "Failure")
                    .put("reason", "NotFound")
                    .put("code", 404);
        }
        byte[] bytes = Manifests.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ObjectNode answer(String path) {
        if (path.equals("/version")) {
            return Manifests.JSON
                    .createObjectNode()
                    .put("major", "1")
                    .put("minor", "31")
                    .put("gitVersion", Chart.KUBE_VERSION)
                    .put("platform", "linux/amd64");
        }
        if (path.equals("/api")) {
            ObjectNode out = Manifests.JSON.createObjectNode().put("kind", "APIVersions");
            out.putArray("versions").add("v1");
            out.putArray("serverAddressByClientCIDRs");
            return out;
        }
        if (path.equals("/apis")) {
            ObjectNode out = Manifests.JSON
                    .createObjectNode()
                    .put("kind", "APIGroupList")
                    .put("apiVersion", "v1");
            ArrayNode list = out.putArray("groups");
            for (String gv : groups.keySet()) {
                if (!gv.contains("/")) {
                    continue;
                }
                ObjectNode version = Manifests.JSON
                        .createObjectNode()
                        .put("groupVersion", gv)
                        .put("version", gv.substring(gv.indexOf('/') + 1));
                ObjectNode group = list.addObject().put("name", gv.substring(0, gv.indexOf('/')));
                group.putArray("versions").add(version);
                group.set("preferredVersion", version);
            }
            return out;
        }
        String gv = path.startsWith("/api/") ? path.substring(5) : path.startsWith("/apis/") ? path.substring(6) : "";
        if (groups.containsKey(gv)) {
            ObjectNode out = Manifests.JSON
                    .createObjectNode()
                    .put("kind", "APIResourceList")
                    .put("apiVersion", "v1")
                    .put("groupVersion", gv);
            ArrayNode list = out.putArray("resources");
            groups.get(gv).forEach((name, kind) -> {
                ObjectNode r = list.addObject()
                        .put("name", name)
                        .put("singularName", ((String) kind[0]).toLowerCase(java.util.Locale.ROOT))
                        .put("namespaced", (Boolean) kind[1])
                        .put("kind", (String) kind[0]);
                r.putArray("verbs")
                        .add("get")
                        .add("list")
                        .add("watch")
                        .add("create")
                        .add("update")
                        .add("delete");
            });
            return out;
        }
        // Helm's release history (the Secret storage driver): no earlier release
        if (path.equals("/api/v1/namespaces/" + Chart.NAMESPACE + "/secrets")) {
            ObjectNode out =
                    Manifests.JSON.createObjectNode().put("kind", "SecretList").put("apiVersion", "v1");
            out.putObject("metadata");
            out.putArray("items");
            return out;
        }
        return null;
    }

    private static Map<String, Object[]> resources(Object... nameKindNamespaced) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameKindNamespaced.length; i += 3) {
            out.put((String) nameKindNamespaced[i], new Object[] {nameKindNamespaced[i + 1], nameKindNamespaced[i + 2]
            });
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
