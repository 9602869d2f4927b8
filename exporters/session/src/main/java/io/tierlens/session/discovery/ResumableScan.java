package io.tierlens.session.discovery;

import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.ScanPage;
import io.tierlens.session.client.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A SCAN pass over every scan node for one pattern that may span several refresh cycles: each cycle continues
 * from the saved cursors until the shared {@link ScanBudget} runs out. Counts are published only for complete
 * passes, so a budget that runs out never shows a partial count as the truth.
 *
 * <p>A SCAN cursor is only meaningful to the server that issued it. When a node's {@code run_id} changes (a
 * restart or failover) or the set of nodes changes, the pass starts over instead of mixing two keyspaces.
 *
 * <p>While scanning it keeps a uniform random sample of the counted keys (reservoir sampling), which the plain
 * layout uses to pick the sessions whose times it reads.
 */
public final class ResumableScan {
    private final String match;
    private final Predicate<String> counted;
    private final int count;
    private final int reservoirSize;
    private final RandomGenerator random;
    private final Clock clock;

    private Map<RedisNode, NodeCursor> pass;
    private long passCount;
    private long passSeen;
    private List<String> reservoir = new ArrayList<>();

    private OptionalLong lastCount = OptionalLong.empty();
    private Optional<Instant> lastCompletedAt = Optional.empty();
    private List<String> lastSample = List.of();

    private record NodeCursor(String cursor, Optional<String> runId, boolean done) {}

    /** What one cycle did. */
    public record CycleResult(boolean unfinished, long keysExamined, boolean completed) {}

    /**
     * @param match the SCAN MATCH pattern
     * @param counted which returned keys count (the pattern can match more than we want)
     * @param count the SCAN COUNT hint
     * @param reservoirSize how many counted keys to keep as a uniform sample
     */
    public ResumableScan(
            String match,
            Predicate<String> counted,
            int count,
            int reservoirSize,
            RandomGenerator random,
            Clock clock) {
        this.match = match;
        this.counted = counted;
        this.count = count;
        this.reservoirSize = reservoirSize;
        this.random = random;
        this.clock = clock;
    }

    public boolean inProgress() {
        return pass != null;
    }

    /**
     * Continues (or, if {@code mayStart}, begins) a pass. A pass invalidated by a restart begins again at once.
     *
     * @param nodes the nodes that together hold every key once
     * @param runIds {@code run_id} per node from this cycle's INFO; missing entries are not compared
     */
    public CycleResult advance(
            SessionStore store,
            List<RedisNode> nodes,
            Map<RedisNode, String> runIds,
            ScanBudget budget,
            Pacer pacer,
            boolean mayStart)
            throws InterruptedException {
        boolean discarded = false;
        if (pass != null && !samePass(nodes, runIds)) {
            // not a finished pass: start over at once rather than wait for the next scheduled one
            pass = null;
            discarded = true;
        }
        if (pass == null) {
            if (!mayStart && !discarded) {
                return new CycleResult(false, 0, false);
            }
            startPass(nodes, runIds);
        }
        long examined = 0;
        boolean first = true;
        for (Map.Entry<RedisNode, NodeCursor> e : pass.entrySet()) {
            NodeCursor nc = e.getValue();
            while (!nc.done()) {
                if (!first) {
                    pacer.pause();
                }
                first = false;
                if (budget.exhausted()) {
                    return new CycleResult(true, examined, false);
                }
                ScanPage page = store.scan(e.getKey(), nc.cursor(), match, count);
                budget.consume(page.keys().size());
                examined += page.keys().size();
                for (String key : page.keys()) {
                    if (counted.test(key)) {
                        passCount++;
                        offer(key);
                    }
                }
                nc = new NodeCursor(page.cursor(), nc.runId(), page.complete());
                e.setValue(nc);
            }
        }
        lastCount = OptionalLong.of(passCount);
        lastCompletedAt = Optional.of(clock.instant());
        lastSample = List.copyOf(reservoir);
        pass = null;
        return new CycleResult(false, examined, true);
    }

    /** Keys counted by the last complete pass. */
    public OptionalLong lastCount() {
        return lastCount;
    }

    public Optional<Instant> lastCompletedAt() {
        return lastCompletedAt;
    }

    /** A uniform sample of the keys counted by the last complete pass, or of the pass so far if none completed. */
    public List<String> sample() {
        return lastCount.isPresent() ? lastSample : List.copyOf(reservoir);
    }

    private void startPass(List<RedisNode> nodes, Map<RedisNode, String> runIds) {
        pass = new LinkedHashMap<>();
        for (RedisNode n : nodes) {
            pass.put(n, new NodeCursor("0", Optional.ofNullable(runIds.get(n)), false));
        }
        passCount = 0;
        passSeen = 0;
        reservoir = new ArrayList<>();
    }

    private boolean samePass(List<RedisNode> nodes, Map<RedisNode, String> runIds) {
        if (!pass.keySet().equals(new java.util.HashSet<>(nodes))) {
            return false;
        }
        for (Map.Entry<RedisNode, NodeCursor> e : pass.entrySet()) {
            Optional<String> before = e.getValue().runId();
            String now = runIds.get(e.getKey());
            if (before.isPresent() && now != null && !before.get().equals(now)) {
                return false;
            }
        }
        return true;
    }

    /** Algorithm R: after n offers every key had the same chance reservoirSize/n to be kept. */
    private void offer(String key) {
        passSeen++;
        if (reservoirSize <= 0) {
            return;
        }
        if (reservoir.size() < reservoirSize) {
            reservoir.add(key);
            return;
        }
        long j = random.nextLong(passSeen);
        if (j < reservoirSize) {
            reservoir.set((int) j, key);
        }
    }
}
