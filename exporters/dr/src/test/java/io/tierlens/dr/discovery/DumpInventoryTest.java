package io.tierlens.dr.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.dr.DumpStoreConfig;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.DumpStoreState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpInventoryTest {
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    private static DumpStoreConfig store(String prefix, String pattern, int comparePrevious) {
        return new DumpStoreConfig(
                "mysql",
                "https://a.blob.core.windows.net",
                "dumps",
                prefix,
                pattern,
                Duration.ofDays(3),
                comparePrevious,
                null,
                null,
                null);
    }

    private static DumpObject dump(String name, String at, long size) {
        return new DumpObject(name, Instant.parse(at), size);
    }

    @Test
    void thePatternIsMatchedAfterThePrefixAndRetentionCountsOnlyRecentDumps() {
        List<DumpObject> listed = List.of(
                dump("db/shop-1.sql.gz", "2026-11-30T02:00:00Z", 100),
                dump("db/shop-2.sql.gz", "2026-12-03T02:00:00Z", 100),
                dump("db/shop-3.sql.gz", "2026-12-04T02:00:00Z", 100),
                dump("db/notes.txt", "2026-12-05T05:00:00Z", 1));

        DumpStoreState s = DumpInventory.analyse("dr", store("db/", "shop-\\d+\\.sql\\.gz", 7), listed, NOW);

        assertThat(s.newest()).map(DumpObject::name).contains("db/shop-3.sql.gz");
        assertThat(s.objectsInRetention()).isEqualTo(2);
        assertThat(s.newestSizeRatio()).contains(1.0);
    }

    @Test
    void theRatioIsAgainstTheMedianOfOnlyTheConfiguredNumberOfPreviousDumps() {
        List<DumpObject> listed = List.of(
                dump("a", "2026-12-01T02:00:00Z", 10), // outside the last two: ignored
                dump("b", "2026-12-02T02:00:00Z", 1000),
                dump("c", "2026-12-03T02:00:00Z", 3000),
                dump("d", "2026-12-04T02:00:00Z", 500));

        DumpStoreState s = DumpInventory.analyse("dr", store("", ".*", 2), listed, NOW);

        assertThat(s.newestSizeRatio()).contains(0.25);
    }

    @Test
    void aSingleDumpOrAZeroMedianHasNoRatio() {
        assertThat(DumpInventory.analyse("dr", store("", ".*", 7), List.of(dump("a", "2026-12-04T02:00:00Z", 5)), NOW)
                        .newestSizeRatio())
                .isEmpty();
        assertThat(DumpInventory.analyse(
                                "dr",
                                store("", ".*", 7),
                                List.of(dump("a", "2026-12-03T02:00:00Z", 0), dump("b", "2026-12-04T02:00:00Z", 5)),
                                NOW)
                        .newestSizeRatio())
                .isEmpty();
    }

    @Test
    void equalTimesAreOrderedByNameWhateverTheListingOrder() {
        List<DumpObject> listed = List.of(
                dump("shop-20261205", "2026-12-05T02:00:00Z", 1), dump("shop-20261204", "2026-12-05T02:00:00Z", 1));

        assertThat(DumpInventory.analyse("dr", store("", ".*", 7), listed, NOW).newest())
                .map(DumpObject::name)
                .contains("shop-20261205");
        assertThat(DumpInventory.analyse("dr", store("", ".*", 7), List.of(listed.get(1), listed.get(0)), NOW)
                        .newest())
                .map(DumpObject::name)
                .contains("shop-20261205");
    }
}
