package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch jobs run through {@code tierlens run-job}, which reports them to the Pushgateway. */
class CronJobTest {
    private static final String PUSHGATEWAY = "http://prometheus-pushgateway.monitoring.svc:9091";
    private final Chart chart = Chart.repository();

    private static PodSpec pod(CronJob job) {
        return job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    @Test
    void noJobsByDefault() {
        assertThat(chart.template().all(CronJob.class)).isEmpty();
    }

    @Test
    void aJobInTheTierlensImageRunsItsCommandThroughRunJob() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("batch-cronjob-values.yaml")));
        CronJob job = m.one(CronJob.class, "shop-tierlens-dr-sync-check");
        assertThat(job.getSpec().getSchedule()).isEqualTo("30 3 * * *");
        assertThat(job.getSpec().getTimeZone()).isEqualTo("Asia/Seoul");
        assertThat(job.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        PodSpec pod = pod(job);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getInitContainers()).isNullOrEmpty();
        Container c = pod.getContainers().get(0);
        // the same java command and image as the exporter's Deployment
        Container exporter = m.only(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(c.getImage()).isEqualTo(exporter.getImage());
        assertThat(c.getCommand()).isEqualTo(exporter.getCommand());
        assertThat(c.getArgs())
                .containsExactly(
                        "run-job",
                        "--job",
                        "dr-sync-check",
                        "--instance",
                        "shop-tierlens-dr-sync-check",
                        "--pushgateway",
                        PUSHGATEWAY,
                        // the pod's default 30 s grace, less the 10-s push timeout and a margin
                        "--grace-period=15s",
                        "--pushgateway-auth-file=/etc/tierlens/pushgateway/auth",
                        "--",
                        "/bin/sh",
                        "-c",
                        "test -s /data/last-sync");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getVolumeMounts())
                .extracting(v -> v.getMountPath())
                .contains("/tmp", "/data", "/etc/tierlens/pushgateway");
        assertThat(pod.getVolumes())
                .anySatisfy(v -> assertThat(v.getSecret())
                        .isNotNull()
                        .satisfies(secret -> assertThat(secret.getSecretName()).isEqualTo("pushgateway-basic-auth")));
        // no identity of its own: no token; resources of its own, not the exporter's
        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
    }

    @Test
    void aJobGetsItsOwnIdentityResourcesPlacementAndAnnotations() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("batch-cronjob-values.yaml")));
        CronJob job = m.one(CronJob.class, "shop-tierlens-nightly-dump");
        assertThat(job.getMetadata().getAnnotations()).containsEntry("owner", "dba");
        assertThat(job.getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry("karpenter.sh/do-not-disrupt", "true");
        PodSpec pod = pod(job);
        assertThat(pod.getServiceAccountName()).isEqualTo("shop-backup");
        assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        assertThat(pod.getNodeSelector()).containsEntry("karpenter.sh/capacity-type", "on-demand");
        assertThat(pod.getTolerations())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("batch"));
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
        Container c = pod.getContainers().get(0);
        assertThat(c.getArgs()).contains("--grace-period=45s");
        assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("2Gi"));
        assertThat(c.getCommand()).contains("-XX:MaxRAMPercentage=40").noneMatch(f -> f.startsWith("-Xmx"));
    }

    @Test
    void aJobInItsOwnImageGetsTheTierlensJarFromAnInitContainer() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("batch-cronjob-values.yaml")));
        CronJob job = m.one(CronJob.class, "shop-tierlens-nightly-dump");
        PodSpec pod = pod(job);
        Container init = pod.getInitContainers().get(0);
        assertThat(init.getImage()).isEqualTo("tierlens:0.1.0");
        assertThat(init.getCommand()).containsExactly("cp", "/app/tierlens.jar", "/opt/tierlens/tierlens.jar");
        Container c = pod.getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/shop-backup:2.4.1");
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(DeploymentTest.JVM_FLAGS);
        expected.addAll(List.of("-jar", "/opt/tierlens/tierlens.jar"));
        assertThat(c.getCommand()).isEqualTo(expected);
        assertThat(c.getArgs()).endsWith("--", "/usr/local/bin/dump-to-dr.sh").contains("nightly-dump");
        assertThat(c.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("shop-backup");
        assertThat(job.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds())
                .isEqualTo(10800L);
    }

    @Test
    void aJobWithoutPushgatewayIsRefusedWithTheReason() {
        assertThatThrownBy(() -> chart.template("""
                        batch:
                          jobs:
                            - {name: nightly, schedule: "0 3 * * *", command: [/bin/true]}
                        """)).hasMessageContaining("batch.jobs[nightly]: set pushgateway");
    }
}
