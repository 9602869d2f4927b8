package io.tierlens.dr.discovery;

import io.tierlens.dr.DumpStoreConfig;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.DumpStoreState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure: which listed objects are dumps, which is the newest, how many lie within retention, and whether the newest
 * is about as large as the ones before it. A dump much smaller than its predecessors is a truncated copy (a dump
 * that died half-way still uploads a file), which is a failed backup however fresh it is.
 */
public final class DumpInventory {
    private DumpInventory() {}

    public static DumpStoreState analyse(String site, DumpStoreConfig store, List<DumpObject> listed, Instant now) {
        Pattern pattern = store.pattern();
        List<DumpObject> dumps = listed.stream()
                .filter(o -> o.name().startsWith(store.prefix()))
                .filter(o -> pattern.matcher(o.name().substring(store.prefix().length()))
                        .matches())
                // newest first; equal times by name so the result does not depend on listing order
                .sorted(Comparator.comparing(DumpObject::lastModified)
                        .thenComparing(DumpObject::name)
                        .reversed())
                .toList();
        if (dumps.isEmpty()) {
            return new DumpStoreState(site, store.store(), Optional.empty(), 0, Optional.empty());
        }
        Instant since = now.minus(store.retention());
        int inRetention = (int)
                dumps.stream().filter(d -> d.lastModified().isAfter(since)).count();
        DumpObject newest = dumps.get(0);
        List<Long> previous = dumps.subList(1, Math.min(dumps.size(), 1 + store.comparePrevious())).stream()
                .map(DumpObject::sizeBytes)
                .sorted()
                .toList();
        Optional<Double> ratio = median(previous).filter(m -> m > 0).map(m -> newest.sizeBytes() / m);
        return new DumpStoreState(site, store.store(), Optional.of(newest), inRetention, ratio);
    }

    /** The median of sorted sizes; empty for none. */
    static Optional<Double> median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + (double) sorted.get(n / 2)) / 2.0);
    }
}
