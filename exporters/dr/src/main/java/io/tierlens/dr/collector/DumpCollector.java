package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.model.DumpStoreState;
import java.util.List;

/** The newest database dump at the DR site, read from the storage itself: METRICS.md "DR site storage". */
public final class DumpCollector {
    public static final String NEWEST_TIMESTAMP = "tierlens_dr_backup_newest_timestamp_seconds";
    public static final String NEWEST_SIZE = "tierlens_dr_backup_newest_size_bytes";
    public static final String OBJECTS = "tierlens_dr_backup_objects";
    public static final String NEWEST_SIZE_RATIO = "tierlens_dr_backup_newest_size_ratio";

    private DumpCollector() {}

    public static void collect(SnapshotAssembler out, List<DumpStoreState> stores) {
        var newest = out.gauge(
                NEWEST_TIMESTAMP,
                "Unix time the newest dump in the store was last modified (arrived); absent while the store holds"
                        + " none.",
                "site",
                "store");
        var size = out.gauge(NEWEST_SIZE, "Size of the newest dump in the store, in bytes.", "site", "store");
        var objects =
                out.gauge(OBJECTS, "Number of dumps in the store younger than its retention window.", "site", "store");
        var ratio = out.gauge(
                NEWEST_SIZE_RATIO,
                "Size of the newest dump over the median size of the dumps before it (a truncated dump is far below"
                        + " 1); absent without an earlier dump.",
                "site",
                "store");
        for (DumpStoreState s : stores) {
            objects.add(s.objectsInRetention(), s.site(), s.store());
            s.newest().ifPresent(d -> {
                newest.add(d.lastModified().toEpochMilli() / 1000.0, s.site(), s.store());
                size.add(d.sizeBytes(), s.site(), s.store());
            });
            s.newestSizeRatio().ifPresent(r -> ratio.add(r, s.site(), s.store()));
        }
    }
}
