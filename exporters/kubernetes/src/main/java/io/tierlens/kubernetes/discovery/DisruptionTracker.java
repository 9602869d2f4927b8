package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.Disruption;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts disruptions from the NodeClaim watch. The signal: a NodeClaim is disrupted when it is first seen
 * terminating ({@code metadata.deletionTimestamp} set, which Karpenter's finalizer makes visible before the
 * claim goes) or deleted without that having been seen. Every node Karpenter removes goes through its claim,
 * so this catches consolidation, drift, expiry, interruption and manual deletes alike, whatever Karpenter
 * version runs. The reason comes from {@link DisruptionReasons}.
 *
 * <p>Claims already terminating when the watch starts are not counted: a restart must not count them twice.
 * Called from the informer's thread and read from the refresh thread, hence synchronized.
 */
public final class DisruptionTracker {
    /** How many disruptions are kept for readers that consume them (the cost exporter's savings). */
    static final int RECENT_LIMIT = 500;
    /** A consolidation launches its replacement before it taints the old node; this is how far back we look. */
    static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<DisruptionKey, Long> counts = new HashMap<>();
    private final Deque<Disruption> recent = new ArrayDeque<>();
    private final Set<String> counted = new HashSet<>();
    private final Set<String> usedAsReplacement = new HashSet<>();
    private long sequence;
    private boolean armed;

    public DisruptionTracker(Clock clock) {
        this.clock = clock;
    }

    /** Starts counting: called once the initial list is in, so what was terminating before is not counted. */
    public synchronized void arm() {
        armed = true;
    }

    /**
     * A claim was added or changed; counts it if it just started terminating. {@code current} (the live
     * claims, parsed) is asked only when a consolidation needs its replacement.
     */
    public synchronized void seen(GenericKubernetesResource claim, Supplier<? extends Collection<NodeClaim>> current) {
        if (NodeClaimParser.terminating(claim)) {
            count(claim, current);
        }
    }

    /** A claim is gone; counts it unless it was counted when it started terminating. */
    public synchronized void gone(GenericKubernetesResource claim, Supplier<? extends Collection<NodeClaim>> current) {
        count(claim, current);
        String uid = uid(claim);
        counted.remove(uid);
        usedAsReplacement.remove(uid);
    }

    public synchronized Map<DisruptionKey, Long> counts() {
        return Map.copyOf(counts);
    }

    public synchronized List<Disruption> recent() {
        return List.copyOf(recent);
    }

    private void count(GenericKubernetesResource claim, Supplier<? extends Collection<NodeClaim>> current) {
        String uid = uid(claim);
        if (!armed || !counted.add(uid)) {
            return;
        }
        Instant now = clock.instant();
        String nodePool = ObjectFields.label(claim.getMetadata(), WellKnownLabels.NODEPOOL);
        String reason = DisruptionReasons.of(claim, now);
        counts.merge(new DisruptionKey(nodePool, reason), 1L, Long::sum);
        List<InstanceShape> replacements = new ArrayList<>();
        if (reason.equals("underutilized")) {
            replacement(nodePool, uid, current, now).ifPresent(r -> {
                usedAsReplacement.add(r.uid());
                replacements.add(r.shape());
            });
        }
        recent.addLast(new Disruption(
                ++sequence, nodePool, reason, WellKnownLabels.shape(claim.getMetadata()), replacements, now));
        while (recent.size() > RECENT_LIMIT) {
            recent.removeFirst();
        }
    }

    /** The newest live claim of the same NodePool launched in the replacement window and not used yet. */
    private Optional<NodeClaim> replacement(
            String nodePool, String removedUid, Supplier<? extends Collection<NodeClaim>> current, Instant now) {
        return current.get().stream()
                .filter(c -> c.nodePool().equals(nodePool))
                .filter(c -> !c.uid().equals(removedUid) && !usedAsReplacement.contains(c.uid()))
                .filter(c -> c.phase() != NodeClaimPhase.DISRUPTING)
                .filter(c -> !c.created().isBefore(now.minus(REPLACEMENT_WINDOW)))
                .max(Comparator.comparing(NodeClaim::created));
    }

    private static String uid(GenericKubernetesResource claim) {
        String uid = claim.getMetadata().getUid();
        return uid == null || uid.isEmpty() ? claim.getMetadata().getName() : uid;
    }
}
