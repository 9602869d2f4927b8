package io.tierlens.dr.client;

import io.tierlens.dr.SiteConfig;
import io.tierlens.dr.model.DrillResult;
import io.tierlens.pushgateway.client.PushgatewayApi;
import io.tierlens.pushgateway.model.JobStatus;
import io.tierlens.pushgateway.model.PushedGroup;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recovery evidence from what {@code tierlens run-job} pushed: a site's copy job (the nightly dump to the DR site)
 * and its drill job. One {@code GET /api/v1/metrics} per refresh.
 */
public final class PushgatewayEvidenceSource implements RecoveryEvidenceSource {
    private final PushgatewayApi pushgateway;

    @Override
    public String target() {
        return pushgateway.target();
    }

    public PushgatewayEvidenceSource(PushgatewayApi pushgateway) {
        this.pushgateway = pushgateway;
    }

    @Override
    public RecoveryEvidence read() throws IOException {
        return new PushedJobs(pushgateway.groups());
    }

    /** The evidence in one read of the Pushgateway. */
    static final class PushedJobs implements RecoveryEvidence {
        private final List<PushedGroup> groups;

        PushedJobs(List<PushedGroup> groups) {
            this.groups = List.copyOf(groups);
        }

        /**
         * The start of the copy job's last successful run: a dump holds the data as of its start, so that is how
         * old the copy is (the success time would understate the RPO by the run's duration).
         */
        @Override
        public Optional<Instant> newestCopy(SiteConfig site) {
            if (site.copyJob().isEmpty()) {
                return Optional.empty();
            }
            return JobStatus.find(groups, site.copyJob(), instance(site.copyInstance()))
                    .flatMap(JobStatus::lastSuccessStart);
        }

        @Override
        public Optional<DrillResult> lastDrill(SiteConfig site) {
            if (site.drillJob().isEmpty()) {
                return Optional.empty();
            }
            return JobStatus.find(groups, site.drillJob(), Optional.empty())
                    .flatMap(s -> s.lastSuccess().map(t -> new DrillResult(t, s.lastSuccessDuration())));
        }

        private static Optional<String> instance(String instance) {
            return instance.isEmpty() ? Optional.empty() : Optional.of(instance);
        }
    }
}
