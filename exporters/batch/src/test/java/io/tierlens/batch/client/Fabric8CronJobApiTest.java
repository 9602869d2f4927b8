package io.tierlens.batch.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tierlens.batch.model.CronJobState;
import io.tierlens.batch.model.CronJobState.JobOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against fabric8's mock API server in CRUD mode: real requests, real JSON, an in-memory cluster. */
// plain HTTP: the client and its JSON are under test, not TLS (a TLS key per test costs seconds)
@EnableKubernetesMockClient(crud = true, https = false)
class Fabric8CronJobApiTest {
    KubernetesClient client;

    private CronJob backup;

    @BeforeEach
    void createCluster() {
        backup = client.batch()
                .v1()
                .cronjobs()
                .inNamespace("shop")
                .resource(cronJob("shop", "db-backup", "tier", "batch"))
                .create();
        backup.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder()
                .withLastScheduleTime("2026-11-21T02:00:00Z")
                .withLastSuccessfulTime("2026-11-20T02:31:00Z")
                .build());
        client.batch().v1().cronjobs().inNamespace("shop").resource(backup).updateStatus();
        client.batch()
                .v1()
                .cronjobs()
                .inNamespace("shop")
                .resource(cronJob("shop", "report-export", "tier", "batch"))
                .create();
        client.batch()
                .v1()
                .cronjobs()
                .inNamespace("ops")
                .resource(cronJob("ops", "cleanup", "tier", "ops"))
                .create();
        client.batch()
                .v1()
                .jobs()
                .inNamespace("shop")
                .resource(job("db-backup-1", backup, "2026-11-20T02:00:00Z", "Complete"))
                .create();
        client.batch()
                .v1()
                .jobs()
                .inNamespace("shop")
                .resource(job("db-backup-2", backup, "2026-11-21T02:00:00Z", "Failed"))
                .create();
    }

    private static CronJob cronJob(String ns, String name, String label, String value) {
        return new CronJobBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(Map.of(label, value))
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 2 * * *")
                .withNewJobTemplate()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("job")
                .withImage("busybox")
                .endContainer()
                .withRestartPolicy("Never")
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build();
    }

    private static Job job(String name, CronJob owner, String start, String condition) {
        return new JobBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .addNewOwnerReference()
                .withApiVersion("batch/v1")
                .withKind("CronJob")
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .withNewStatus()
                .withStartTime(start)
                .addNewCondition()
                .withType(condition)
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
    }

    @Test
    void listsEveryCronJobWithItsStatusAndNewestJob() {
        List<CronJobState> states = new Fabric8CronJobApi(client, List.of(), "").cronJobs();

        assertThat(states)
                .extracting(CronJobState::name)
                .containsExactlyInAnyOrder("db-backup", "report-export", "cleanup");
        CronJobState b = states.stream()
                .filter(s -> s.name().equals("db-backup"))
                .findFirst()
                .orElseThrow();
        assertThat(b.namespace()).isEqualTo("shop");
        assertThat(b.schedule()).isEqualTo("0 2 * * *");
        assertThat(b.lastSchedule()).contains(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(b.lastSuccessful()).contains(Instant.parse("2026-11-20T02:31:00Z"));
        assertThat(b.lastJob()).contains(JobOutcome.FAILED);
        assertThat(b.created()).isPresent();

        CronJobState never = states.stream()
                .filter(s -> s.name().equals("report-export"))
                .findFirst()
                .orElseThrow();
        assertThat(never.lastSchedule()).isEmpty();
        assertThat(never.lastSuccessful()).isEmpty();
        assertThat(never.lastJob()).isEmpty();
        assertThat(never.activeJobs()).isZero();
    }

    @Test
    void namespacesAndLabelSelectorNarrowTheList() {
        assertThat(new Fabric8CronJobApi(client, List.of("ops"), "").cronJobs())
                .extracting(CronJobState::name)
                .containsExactly("cleanup");
        assertThat(new Fabric8CronJobApi(client, List.of(), "tier=batch").cronJobs())
                .extracting(CronJobState::name)
                .containsExactlyInAnyOrder("db-backup", "report-export");
        assertThat(new Fabric8CronJobApi(client, List.of("nothing-here"), "").cronJobs())
                .isEmpty();
    }

    @Test
    void aJobWithoutConditionsIsRunning() {
        Job running =
                new JobBuilder().withNewMetadata().withName("j").endMetadata().build();

        assertThat(Fabric8CronJobApi.outcome(running)).isEqualTo(JobOutcome.RUNNING);
        assertThat(Optional.of(Fabric8CronJobApi.outcome(job("x", backup, "2026-11-21T02:00:00Z", "Complete"))))
                .contains(JobOutcome.SUCCEEDED);
    }
}
