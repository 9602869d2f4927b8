package io.tierlens.dr.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Recovery objectives of one site: the targets, and what the evidence says.
 *
 * @param rpo age of the newest copy usable by the site now
 * @param lastDrill the last successful drill onto the site
 */
public record SiteRecovery(
        String site,
        Optional<Duration> rpoTarget,
        Optional<Duration> rtoTarget,
        Optional<Duration> rpo,
        Optional<DrillResult> lastDrill) {}
