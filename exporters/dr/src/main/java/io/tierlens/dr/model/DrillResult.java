package io.tierlens.dr.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last successful failover drill onto a site.
 *
 * @param finished when it finished
 * @param rto how long it took: the recovery time it demonstrated
 */
public record DrillResult(Instant finished, Optional<Duration> rto) {}
