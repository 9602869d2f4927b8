package io.tierlens.batch.client;

import io.tierlens.batch.model.CronJobState;
import java.util.List;

/**
 * What the batch exporter needs from Kubernetes: the CronJobs it watches with the outcome of their newest Job.
 * Errors are fabric8's {@code KubernetesClientException}s (the runtime classifies them).
 */
public interface CronJobApi {
    List<CronJobState> cronJobs();
}
