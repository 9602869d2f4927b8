package io.tierlens.batch.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.batch.model.CronJobState;
import io.tierlens.batch.model.CronJobState.JobOutcome;
import io.tierlens.kubernetes.client.AutoConfiguredClientProvider;
import io.tierlens.kubernetes.client.KubernetesConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link CronJobApi} over fabric8: lists CronJobs (batch/v1) and their Jobs each refresh. Listing is cheap at
 * CronJob scale and needs no watch connection; the RBAC grants watch anyway so an informer can replace it.
 */
public final class Fabric8CronJobApi implements CronJobApi, AutoCloseable {
    private final KubernetesClient client;
    private final List<String> namespaces;
    private final String labelSelector;

    /**
     * @param namespaces namespaces to watch; empty watches all
     * @param labelSelector only CronJobs matching it (e.g. {@code team=shop}); empty for all
     */
    public Fabric8CronJobApi(KubernetesClient client, List<String> namespaces, String labelSelector) {
        this.client = client;
        this.namespaces = List.copyOf(namespaces);
        this.labelSelector = labelSelector;
    }

    /**
     * A client from the usual sources (in-cluster service account, else KUBECONFIG) through the shared provider,
     * with {@code timeout} for connecting and for each request.
     */
    public static Fabric8CronJobApi create(List<String> namespaces, String labelSelector, Duration timeout) {
        KubernetesClient client =
                new AutoConfiguredClientProvider(new KubernetesConnection("", ""), timeout, timeout).connect();
        return new Fabric8CronJobApi(client, namespaces, labelSelector);
    }

    @Override
    public List<CronJobState> cronJobs() {
        List<CronJob> cronJobs = listCronJobs();
        Set<String> withCronJobs = new LinkedHashSet<>();
        cronJobs.forEach(c -> withCronJobs.add(c.getMetadata().getNamespace()));
        List<Job> jobs = new ArrayList<>();
        for (String ns : withCronJobs) {
            jobs.addAll(client.batch().v1().jobs().inNamespace(ns).list().getItems());
        }
        List<CronJobState> out = new ArrayList<>(cronJobs.size());
        for (CronJob c : cronJobs) {
            out.add(toState(c, jobs));
        }
        return out;
    }

    private List<CronJob> listCronJobs() {
        if (namespaces.isEmpty()) {
            var all = client.batch().v1().cronjobs().inAnyNamespace();
            return (labelSelector.isEmpty() ? all : all.withLabelSelector(labelSelector))
                    .list()
                    .getItems();
        }
        List<CronJob> out = new ArrayList<>();
        for (String ns : namespaces) {
            var inNs = client.batch().v1().cronjobs().inNamespace(ns);
            out.addAll((labelSelector.isEmpty() ? inNs : inNs.withLabelSelector(labelSelector))
                    .list()
                    .getItems());
        }
        return out;
    }

    static CronJobState toState(CronJob c, List<Job> jobs) {
        var meta = c.getMetadata();
        var spec = c.getSpec();
        var status = c.getStatus();
        Optional<JobOutcome> lastJob = jobs.stream()
                .filter(j -> Objects.equals(j.getMetadata().getNamespace(), meta.getNamespace()))
                .filter(j -> ownedBy(j, c))
                .max(Comparator.comparing(Fabric8CronJobApi::started))
                .map(Fabric8CronJobApi::outcome);
        return new CronJobState(
                meta.getNamespace(),
                meta.getName(),
                spec == null || spec.getSchedule() == null ? "" : spec.getSchedule(),
                spec != null && Boolean.TRUE.equals(spec.getSuspend()),
                time(meta.getCreationTimestamp()),
                status == null ? Optional.empty() : time(status.getLastScheduleTime()),
                status == null ? Optional.empty() : time(status.getLastSuccessfulTime()),
                status == null || status.getActive() == null
                        ? 0
                        : status.getActive().size(),
                lastJob);
    }

    private static boolean ownedBy(Job job, HasMetadata cronJob) {
        List<OwnerReference> owners = job.getMetadata().getOwnerReferences();
        if (owners == null) {
            return false;
        }
        String uid = cronJob.getMetadata().getUid();
        for (OwnerReference o : owners) {
            if ("CronJob".equals(o.getKind())
                    && (uid != null && o.getUid() != null
                            ? uid.equals(o.getUid())
                            : cronJob.getMetadata().getName().equals(o.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static Instant started(Job j) {
        Optional<Instant> start =
                j.getStatus() == null ? Optional.empty() : time(j.getStatus().getStartTime());
        return start.or(() -> time(j.getMetadata().getCreationTimestamp())).orElse(Instant.EPOCH);
    }

    static JobOutcome outcome(Job j) {
        if (j.getStatus() != null && j.getStatus().getConditions() != null) {
            for (JobCondition cond : j.getStatus().getConditions()) {
                if ("True".equals(cond.getStatus()) && "Complete".equals(cond.getType())) {
                    return JobOutcome.SUCCEEDED;
                }
                if ("True".equals(cond.getStatus()) && "Failed".equals(cond.getType())) {
                    return JobOutcome.FAILED;
                }
            }
        }
        return JobOutcome.RUNNING;
    }

    /** Kubernetes times are RFC 3339 strings; a malformed one is treated as absent rather than failing the list. */
    private static Optional<Instant> time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(rfc3339));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
