package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.tierlens.app.wiring.LiveEnvironmentFactory;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.TierlensProcess;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost-only scenario run as a new user would: the rendered config in the real app, against a Kubernetes API
 * that enforces the rendered ClusterRole. cost shares the Karpenter watch, so a role with only nodes and pods (the
 * chart before issue 16) leaves its kubernetes target down with access_denied; the chart's role keeps it up.
 */
class CostRbacTest {
    private static final ResourceDefinitionContext NODEPOOLS = new ResourceDefinitionContext.Builder()
            .withGroup("karpenter.sh")
            .withVersion("v1")
            .withKind("NodePool")
            .withPlural("nodepools")
            .withNamespaced(false)
            .build();

    @TempDir
    Path temp;

    @Test
    void theRenderedRoleKeepsCostUp() throws Exception {
        Manifests m = Chart.repository().template(List.of(DeploymentTest.scenario("cost-only-values.yaml")));
        ClusterRole role = m.only(ClusterRole.class);
        try (RbacEnforcingApi api = RbacEnforcingApi.start()) {
            String metrics = runCost(api, role, m);
            assertThat(metrics).contains("tierlens_target_up{exporter=\"cost\",target=\"kubernetes\"} 1.0");
            assertThat(api.decisions())
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.allowed()).as("%s", d).isTrue());
            assertThat(api.decisions())
                    .extracting(d -> d.verb() + " " + d.resource())
                    .contains("list nodepools", "watch nodepools", "list nodeclaims", "list nodes", "list pods");
        }
    }

    @Test
    void aRoleWithoutKarpenterLeavesCostDown() throws Exception {
        Manifests m = Chart.repository().template(List.of(DeploymentTest.scenario("cost-only-values.yaml")));
        // what the chart granted cost before issue 16
        ClusterRole old = new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("old")
                .endMetadata()
                .withRules(new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("nodes", "pods")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build();
        try (RbacEnforcingApi api = RbacEnforcingApi.start()) {
            String metrics = runCost(api, old, m);
            assertThat(metrics).contains("tierlens_target_up{exporter=\"cost\",target=\"kubernetes\"} 0.0");
            assertThat(api.decisions()).anySatisfy(d -> {
                assertThat(d.resource()).isEqualTo("nodepools");
                assertThat(d.allowed()).isFalse();
            });
        }
    }

    /** Seeds the cluster, enforces {@code role}, runs the rendered config and returns /metrics once cost reported. */
    private String runCost(RbacEnforcingApi api, ClusterRole role, Manifests m) throws Exception {
        try (KubernetesClient admin = api.client()) {
            admin.nodes()
                    .resource(new NodeBuilder()
                            .withNewMetadata()
                            .withName("ip-10-0-1-23.ap-northeast-2.compute.internal")
                            .withLabels(Map.of(
                                    "karpenter.sh/nodepool", "web",
                                    "karpenter.sh/capacity-type", "spot",
                                    "node.kubernetes.io/instance-type", "c6i.large",
                                    "topology.kubernetes.io/zone", "ap-northeast-2a"))
                            .endMetadata()
                            .withNewStatus()
                            .withAllocatable(Map.of("cpu", new Quantity("1930m"), "memory", new Quantity("3Gi")))
                            .endStatus()
                            .build())
                    .create();
            GenericKubernetesResource pool = new GenericKubernetesResourceBuilder()
                    .withApiVersion("karpenter.sh/v1")
                    .withKind("NodePool")
                    .withNewMetadata()
                    .withName("web")
                    .endMetadata()
                    .build();
            admin.genericKubernetesResources(NODEPOOLS).resource(pool).create();
        }
        api.enforce(role);

        Path kubeconfig = temp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                users: [{name: tierlens, user: {token: not-a-real-token}}]
                contexts: [{name: mock, context: {cluster: mock, user: tierlens}}]
                current-context: mock
                """.formatted(api.url()));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // The rendered config, plus what differs outside a cluster: the API server's address (in a pod: the
        // in-cluster config), loopback ports, and an AWS endpoint nobody listens on (pricing is another target).
        ObjectNode config = (ObjectNode) Manifests.YAML.readTree(
                m.one(ConfigMap.class, Chart.FULLNAME + "-config").getData().get("config.yaml"));
        config.putObject("server").put("host", "127.0.0.1").put("port", 0);
        config.putObject("aws")
                .put("endpoint", "http://127.0.0.1:" + closedPort)
                .put("account_id", "111122223333")
                .put("max_attempts", 1)
                .put("attempt_timeout", "2s")
                .put("call_timeout", "4s");
        ((ObjectNode) config.with("exporters").with("cost")).put("kubeconfig", kubeconfig.toString());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        LoadedConfig loaded = new ConfigLoader(Modules.configTypes(Modules.all()), name -> null)
                .loadText("rendered.yaml", Manifests.YAML.writeValueAsString(config));
        assertThat(loaded.exporters().entrySet().stream()
                        .filter(e -> e.getValue().enabled())
                        .map(Map.Entry::getKey))
                .containsExactly("cost");
        TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
            @Override
            public LoadedConfig load() {
                return loaded;
            }

            @Override
            public boolean reloadable() {
                return false;
            }
        };
        try (TierlensProcess process = TierlensProcess.start(
                Modules.all(), new LiveEnvironmentFactory(Clock.systemUTC()), source, Clock.systemUTC(), 0)) {
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = URI.create("http://127.0.0.1:" + process.port() + "/metrics");
            String[] last = {""};
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                last[0] = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(last[0]).containsPattern("tierlens_target_up\\{exporter=\"cost\",target=\"kubernetes\"} ");
            });
            return last[0];
        }
    }
}
