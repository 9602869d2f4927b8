package io.tierlens.demo.karpenter;

import java.time.Duration;
import java.util.Optional;

/** A simulated NodeClaim and its node, with its lifecycle in scenario time. */
final class SimClaim {
    static final Duration LAUNCH = Duration.ofSeconds(10);
    static final Duration REGISTER = Duration.ofSeconds(25);
    static final Duration INITIALIZE = Duration.ofSeconds(40);
    static final Duration TERMINATE = Duration.ofSeconds(20);

    private final String name;
    private final SimPool pool;
    private final String zone;
    private final String nodeName;
    private final Duration created;
    private Duration deleting;
    private Optional<String> disruptionReason = Optional.empty();
    private Duration emptyOrLightSince;

    SimClaim(String name, SimPool pool, String zone, String nodeName, Duration created) {
        this.name = name;
        this.pool = pool;
        this.zone = zone;
        this.nodeName = nodeName;
        this.created = created;
    }

    String name() {
        return name;
    }

    SimPool pool() {
        return pool;
    }

    String zone() {
        return zone;
    }

    String nodeName() {
        return nodeName;
    }

    boolean launched(Duration t) {
        return !t.minus(created).minus(LAUNCH).isNegative();
    }

    boolean registered(Duration t) {
        return !t.minus(created).minus(REGISTER).isNegative();
    }

    boolean initialized(Duration t) {
        return !t.minus(created).minus(INITIALIZE).isNegative();
    }

    /** Can take pods: initialized and not on its way out. */
    boolean schedulable(Duration t) {
        return initialized(t) && deleting == null;
    }

    boolean deleting() {
        return deleting != null;
    }

    boolean terminated(Duration t) {
        return deleting != null && !t.minus(deleting).minus(TERMINATE).isNegative();
    }

    void delete(Duration t, Optional<String> reason) {
        deleting = t;
        disruptionReason = reason;
    }

    Optional<String> disruptionReason() {
        return disruptionReason;
    }

    /** How long the node has been a consolidation candidate; null when it is not one. */
    Duration candidateSince() {
        return emptyOrLightSince;
    }

    void candidate(Duration t, boolean isCandidate) {
        if (!isCandidate) {
            emptyOrLightSince = null;
        } else if (emptyOrLightSince == null) {
            emptyOrLightSince = t;
        }
    }
}
