package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTest {
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-XX:MaxRAMPercentage=40",
            "-XX:MaxMetaspaceSize=96m",
            "-XX:ReservedCodeCacheSize=32m",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");
    /** What runs when the config names no exporter: the app's defaults (dr and batch need a section of their own). */
    static final List<String> DEFAULT_EXPORTERS = List.of("alb", "rds", "backup", "karpenter", "cost", "session");

    private final Chart chart = Chart.repository();

    static Path scenario(String file) {
        return RepoLayout.chart().resolve("ci").resolve(file);
    }

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static JsonNode config(Manifests m, String deployment) throws IOException {
        String yaml = m.one(ConfigMap.class, deployment + "-config").getData().get("config.yaml");
        return Manifests.YAML.readTree(yaml);
    }

    @Test
    void byDefaultOneDeploymentRunsEveryExporterInOnePod() {
        Manifests m = chart.template();
        Deployment d = m.only(Deployment.class);
        assertThat(d.getMetadata().getName()).isEqualTo(Chart.FULLNAME);
        assertThat(d.getSpec().getReplicas()).isEqualTo(1);
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("tierlens.io/exporters", String.join(",", DEFAULT_EXPORTERS));
    }

    @Test
    void podIsHardened() {
        PodSpec pod =
                chart.template().only(Deployment.class).getSpec().getTemplate().getSpec();
        PodSecurityContext psc = pod.getSecurityContext();
        assertThat(psc.getRunAsNonRoot()).isTrue();
        assertThat(psc.getRunAsUser()).isEqualTo(65532L);
        assertThat(psc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        SecurityContext sc = pod.getContainers().get(0).getSecurityContext();
        assertThat(sc.getRunAsNonRoot()).isTrue();
        assertThat(sc.getRunAsUser()).isEqualTo(65532L);
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getPrivileged()).isFalse();
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        // read-only root: /tmp is the one writable place, an emptyDir
        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .anySatisfy(v -> assertThat(v.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes())
                .anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull())
                .noneSatisfy(v -> assertThat(v.getHostPath()).isNotNull());
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void probesResourcesAndJvmFlagsFollowTheMeasuredFootprint() {
        Container c = container(chart.template().only(Deployment.class));
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/-/healthy");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/-/ready");
        assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/-/healthy");
        assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("metrics");
            assertThat(p.getContainerPort()).isEqualTo(9469);
        });

        assertThat(c.getResources().getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("192Mi"));
        assertThat(c.getResources().getLimits())
                .containsOnlyKeys("memory")
                .containsEntry("memory", new Quantity("256Mi"));

        assertThat(c.getCommand()).first().isEqualTo("java");
        assertThat(c.getCommand().subList(1, c.getCommand().size() - 2)).isEqualTo(JVM_FLAGS);
        assertThat(c.getCommand()).endsWith("-jar", "/app/tierlens.jar");
        assertThat(c.getArgs()).containsExactly("run", "--config", "/etc/tierlens/config.yaml", "--log-format", "json");
        assertThat(c.getVolumeMounts()).anySatisfy(v -> {
            assertThat(v.getMountPath()).isEqualTo("/etc/tierlens");
            assertThat(v.getReadOnly()).isTrue();
        });
    }

    @Test
    void theConfigMapHoldsTheConfigBlockWithTheChartsPort() throws IOException {
        Manifests m = chart.template("""
                config:
                  regions: [eu-west-1, eu-central-1]
                  aws: {account_id: "111122223333"}
                  exporters:
                    alb: {refresh: 30s, names: ["k8s-shop-*"]}
                port: 9500
                """);
        JsonNode config = config(m, Chart.FULLNAME);
        JsonNode expected = Manifests.YAML.readTree("""
                regions: [eu-west-1, eu-central-1]
                aws: {account_id: "111122223333"}
                exporters:
                  alb: {refresh: 30s, names: ["k8s-shop-*"]}
                server: {port: 9500}
                """);
        assertThat(config).isEqualTo(expected);
        assertThat(config.path("aws").path("account_id").isTextual())
                .as("a 12-digit account id stays a string")
                .isTrue();
        assertThat(container(m.only(Deployment.class)).getPorts().get(0).getContainerPort())
                .isEqualTo(9500);
        assertThat(m.only(Service.class).getSpec().getPorts().get(0).getPort()).isEqualTo(9500);
    }

    @Test
    void aPortInsideTheConfigIsRefusedInFavourOfThePortValue() {
        assertThatThrownBy(() -> chart.template("config: {server: {port: 8080}}"))
                .hasMessageContaining("config.server.port: set `port` instead");
    }

    @Test
    void aChangedConfigChangesTheChecksumAnnotation() {
        String a1 = checksum(chart.template("config: {regions: [eu-west-1]}"));
        String a2 = checksum(chart.template("config: {regions: [eu-west-1]}"));
        String b = checksum(chart.template("config: {regions: [eu-west-2]}"));
        assertThat(a1).matches("[0-9a-f]{64}").isEqualTo(a2).isNotEqualTo(b);
    }

    private static String checksum(Manifests m) {
        return m.only(Deployment.class)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config");
    }

    @Test
    void perGroupGivesEachGroupItsOwnDeploymentRoleAndConfig() throws IOException {
        Manifests m = chart.template(List.of(scenario("irsa-multi-deployment-values.yaml")));
        assertThat(m.names(Deployment.class))
                .containsExactly("shop-tierlens-aws", "shop-tierlens-kubernetes", "shop-tierlens-redis");
        assertThat(m.names(Service.class)).hasSize(3);
        assertThat(m.names(PodDisruptionBudget.class)).hasSize(3);

        Map<String, String> roles = Map.of(
                "shop-tierlens-aws", "arn:aws:iam::111122223333:role/tierlens-aws",
                "shop-tierlens-kubernetes", "arn:aws:iam::111122223333:role/tierlens-cost");
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            String saName = d.getSpec().getTemplate().getSpec().getServiceAccountName();
            assertThat(saName).isEqualTo(name);
            ServiceAccount sa = m.one(ServiceAccount.class, saName);
            if (roles.containsKey(name)) {
                assertThat(sa.getMetadata().getAnnotations())
                        .containsEntry("eks.amazonaws.com/role-arn", roles.get(name));
            } else {
                assertThat(sa.getMetadata().getAnnotations()).isNullOrEmpty();
            }
            // the selector picks this Deployment's pods only
            assertThat(d.getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/component", name.substring("shop-tierlens-".length()));
        }

        // each config turns off the other groups' exporters and leaves its own at their settings
        JsonNode aws = config(m, "shop-tierlens-aws").path("exporters");
        assertThat(aws.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("karpenter", "cost", "batch", "session");
        aws.forEach(
                section -> assertThat(section.path("enabled").asBoolean(true)).isFalse());
        JsonNode redis = config(m, "shop-tierlens-redis").path("exporters");
        assertThat(redis.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("alb", "rds", "backup", "dr", "karpenter", "cost", "batch");

        // the group's overrides apply to it alone
        Container k8s = container(m.one(Deployment.class, "shop-tierlens-kubernetes"));
        assertThat(k8s.getResources().getLimits()).containsEntry("memory", new Quantity("384Mi"));
        assertThat(k8s.getCommand()).contains("-XX:MaxRAMPercentage=50");
        Container awsContainer = container(m.one(Deployment.class, "shop-tierlens-aws"));
        assertThat(awsContainer.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
        assertThat(awsContainer.getCommand()).doesNotContain("-XX:MaxRAMPercentage=50");
    }

    @Test
    void anExporterInNoGroupRunsNowhere() throws IOException {
        // session is left out of every group: before issue 16 no Deployment turned it off, so all three ran it
        Manifests m = chart.template("""
                deploymentMode: perGroup
                groups:
                  aws: {exporters: [alb, rds, backup, dr]}
                  kubernetes: {exporters: [karpenter, cost, batch]}
                  redis: {exporters: []}
                """);
        assertThat(m.names(Deployment.class)).containsExactly("shop-tierlens-aws", "shop-tierlens-kubernetes");
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(config(m, name).at("/exporters/session/enabled").asBoolean(true))
                    .as(name)
                    .isFalse();
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations().get("tierlens.io/exporters"))
                    .doesNotContain("session");
        }
    }

    @Test
    void aGroupWhoseExportersAreAllDisabledGetsNoDeployment() {
        Manifests m = chart.template("""
                deploymentMode: perGroup
                config:
                  exporters:
                    session: {enabled: false}
                """);
        assertThat(m.names(Deployment.class)).containsExactly("shop-tierlens-aws", "shop-tierlens-kubernetes");
    }

    @Test
    void anExporterInTwoGroupsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> chart.template("""
                        deploymentMode: perGroup
                        groups:
                          redis: {exporters: [session, alb]}
                        """))
                .hasMessageContaining("exporter \"alb\" is listed in groups \"aws\" and \"redis\"");
    }

    @Test
    void theRedisPasswordComesFromTheExistingSecretAndNeverIntoTheConfigMap() throws IOException {
        Manifests m = chart.template(List.of(scenario("session-with-secret-values.yaml")));
        Container c = container(m.only(Deployment.class));
        EnvVar password = c.getEnv().stream()
                .filter(e -> e.getName().equals("REDIS_PASSWORD"))
                .findFirst()
                .orElseThrow();
        assertThat(password.getValue()).isNull();
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-redis");
        assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("redis-password");
        assertThat(config(m, Chart.FULLNAME)
                        .at("/exporters/session/redis/password_env")
                        .asText())
                .isEqualTo("REDIS_PASSWORD");

        // per group, only the Deployment that runs the session exporter gets it
        Manifests split =
                chart.template(List.of(scenario("session-with-secret-values.yaml")), "deploymentMode: perGroup");
        for (Deployment d : split.all(Deployment.class)) {
            boolean hasPassword = container(d).getEnv() != null
                    && container(d).getEnv().stream().anyMatch(e -> e.getName().equals("REDIS_PASSWORD"));
            assertThat(hasPassword)
                    .as(d.getMetadata().getName())
                    .isEqualTo(d.getMetadata().getName().endsWith("-redis"));
        }
    }

    @Test
    void withoutTheSecretThereIsNoPasswordVariable() {
        Container c = container(chart.template().only(Deployment.class));
        // only the downward API's identity, which leader election and the shard index read
        assertThat(c.getEnv()).extracting(EnvVar::getName).containsExactly("POD_NAME", "POD_NAMESPACE");
    }

    @Test
    void thePodDisruptionBudgetNeverBlocksADrainOfTheSinglePod() {
        PodDisruptionBudget pdb = chart.template().only(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(chart.template()
                        .only(Deployment.class)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels());
    }

    @Test
    void theServiceSelectsTheDeploymentsPodsOnTheMetricsPort() {
        Manifests m = chart.template();
        Service s = m.only(Service.class);
        assertThat(s.getSpec().getSelector())
                .isEqualTo(m.only(Deployment.class).getSpec().getSelector().getMatchLabels());
        assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("metrics");
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("metrics");
        });
    }

    @Test
    void theHelmTestPodCallsReadyOnEveryService(@TempDir Path temp) {
        Chart withHooks = new Chart(ChartFixtures.stageWithHooksAsManifests(temp));
        Manifests m = withHooks.template(List.of(scenario("irsa-multi-deployment-values.yaml")));
        Pod test = m.only(Pod.class);
        assertThat(test.getMetadata().getAnnotations()).containsEntry(ChartFixtures.HOOK, "test");
        Container c = test.getSpec().getContainers().get(0);
        assertThat(c.getCommand()).containsExactly("curl");
        assertThat(c.getArgs())
                .contains("--fail")
                .contains(
                        "http://shop-tierlens-aws:9469/-/ready",
                        "http://shop-tierlens-kubernetes:9469/-/ready",
                        "http://shop-tierlens-redis:9469/-/ready");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(test.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    }
}
