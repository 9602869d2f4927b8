package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.dr.model.FailoverRole;
import java.time.Duration;
import java.util.Optional;

/**
 * One site of the failover pair.
 *
 * @param name the {@code site} label, e.g. {@code aws} or {@code dr}
 * @param role which failover record set serves it
 * @param rpoTarget how old the newest usable copy may be (24h in the seed project)
 * @param rtoTarget how long a failover to this site may take (3h in the seed project)
 * @param copyJob the run-job job whose last success is the newest copy usable by this site (the nightly dump
 *     to the DR site); its data time is the start of that run
 * @param copyInstance the job's {@code instance} label, if several instances push it
 * @param drillJob the run-job job that performs the failover drill onto this site; its duration is the RTO
 */
public record SiteConfig(
        String name,
        FailoverRole role,
        Duration rpoTarget,
        Duration rtoTarget,
        String copyJob,
        String copyInstance,
        String drillJob)
        implements ConfigChecked {
    public SiteConfig {
        name = name == null ? "" : name.strip();
        copyJob = copyJob == null ? "" : copyJob.strip();
        copyInstance = copyInstance == null ? "" : copyInstance.strip();
        drillJob = drillJob == null ? "" : drillJob.strip();
    }

    public Optional<Duration> rpo() {
        return Optional.ofNullable(rpoTarget);
    }

    public Optional<Duration> rto() {
        return Optional.ofNullable(rtoTarget);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (name.isEmpty()) {
            problems.add(ConfigProblems.join(path, "name"), "a site needs a name", "e.g. name: dr");
        }
        if (role == null) {
            problems.add(ConfigProblems.join(path, "role"), "a site needs a role", "primary or secondary");
        }
        if (rpoTarget != null && rpoTarget.isZero()) {
            problems.add(ConfigProblems.join(path, "rpo_target"), "must be longer than 0s", "e.g. 24h");
        }
        if (rtoTarget != null && rtoTarget.isZero()) {
            problems.add(ConfigProblems.join(path, "rto_target"), "must be longer than 0s", "e.g. 3h");
        }
    }
}
