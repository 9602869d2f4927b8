package io.tierlens.rds.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceClassMemoryTest {
    private static final long MYSQL_DIVISOR = 12_582_880L;

    private final InstanceClassMemory bundled = InstanceClassMemory.bundled();

    @Test
    void theBundledTableKnowsCurrentAndOlderClasses() {
        assertThat(bundled.size()).isGreaterThan(200);
        assertThat(bundled.memoryGib("db.r6g.large")).hasValue(16);
        assertThat(bundled.memoryGib("db.t3.micro")).hasValue(1);
        assertThat(bundled.memoryGib("db.m7i.48xlarge")).hasValue(768);
        assertThat(bundled.memoryGib("db.r4.large")).hasValue(15.25);
        assertThat(bundled.memoryGib("db.x2g.16xlarge")).hasValue(1024);
        assertThat(bundled.memoryGib("db.serverless")).isEmpty();
        assertThat(bundled.dbInstanceClassMemory("db.serverless")).isEmpty();
    }

    /**
     * The published MySQL defaults ({@code {DBInstanceClassMemory/12582880}}, from {@code SHOW VARIABLES} on RDS,
     * as collected in docs/exporters/rds.md) that the reserve model was fitted to.
     */
    @Test
    void theEstimateReproducesPublishedMysqlDefaultsWithinFourConnections() {
        Map<Double, Long> publishedByGib = Map.ofEntries(
                Map.entry(1.0, 66L),
                Map.entry(2.0, 150L),
                Map.entry(3.75, 296L),
                Map.entry(4.0, 312L),
                Map.entry(7.5, 609L),
                Map.entry(8.0, 648L),
                Map.entry(15.0, 1237L),
                Map.entry(15.25, 1258L),
                Map.entry(16.0, 1320L),
                Map.entry(30.0, 2492L),
                Map.entry(30.5, 2540L));
        publishedByGib.forEach((gib, published) -> {
            InstanceClassMemory one = new InstanceClassMemory(Map.of("db.x", gib));
            long estimate = one.dbInstanceClassMemory("db.x").getAsLong() / MYSQL_DIVISOR;
            assertThat(estimate).as("%s GiB", gib).isBetween(published - 4, published + 4);
        });
    }

    @Test
    void theReserveIsBelowTheClassMemoryAndGrowsWithIt() {
        long small = bundled.dbInstanceClassMemory("db.t3.micro").getAsLong();
        long large = bundled.dbInstanceClassMemory("db.r6g.16xlarge").getAsLong();
        assertThat(small).isLessThan(InstanceClassMemory.GIB).isGreaterThan(InstanceClassMemory.GIB * 3 / 4);
        long largeReserve = 512 * InstanceClassMemory.GIB - large;
        assertThat(largeReserve).isGreaterThan(InstanceClassMemory.GIB * 9);
    }
}
