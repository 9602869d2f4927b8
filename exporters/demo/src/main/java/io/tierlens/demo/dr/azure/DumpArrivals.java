package io.tierlens.demo.dr.azure;

import io.tierlens.demo.Scenario;
import io.tierlens.dr.model.DumpObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly dumps arriving in the demo's DR storage, in scenario time: a "day" is 10 scenario minutes (a 30-minute
 * {@link Scenario#CYCLE} is three days, as in the batch story). The dumps of days 1 and 2 arrive at minutes 5 and 15
 * of each cycle (when the batch story's db-backup runs end); day 3's run fails, its dump arrives late at minute 33
 * (the next cycle's minute 3), so the newest dump's age climbs to 18 scenario minutes once per cycle, past the demo's
 * 15-minute RPO from minute 30 to 33. Sizes wobble by a few percent around
 * 2 GiB, so the size ratio stays near 1. The story runs backwards too: a fresh demo already has a history.
 */
public final class DumpArrivals {
    public static final String PREFIX = "mysql/";
    static final List<Duration> ARRIVALS =
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(33));
    static final long BASE_SIZE = 2L << 30;
    /** Cycles listed back from now: enough for the retention window and the size median. */
    private static final int CYCLES_KEPT = 4;

    private final Scenario scenario;

    public DumpArrivals(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Every dump that has arrived by real instant {@code at}, oldest first, with real last-modified times. */
    public List<DumpObject> arrivedBy(Instant at) {
        long now = scenarioMillis(at);
        long cycle = Scenario.CYCLE.toMillis();
        long current = Math.floorDiv(now, cycle);
        List<DumpObject> out = new ArrayList<>();
        for (long c = current - CYCLES_KEPT; c <= current; c++) {
            for (int day = 0; day < ARRIVALS.size(); day++) {
                long arrival = c * cycle + ARRIVALS.get(day).toMillis();
                if (arrival <= now) {
                    long dayNumber = c * ARRIVALS.size() + day;
                    long size = (long) (BASE_SIZE * (0.97 + 0.06 * Scenario.noise("azure-dump", dayNumber)));
                    out.add(new DumpObject(
                            PREFIX + "shop-day" + String.format("%06d", Math.floorMod(dayNumber, 1_000_000))
                                    + ".sql.gz",
                            real(arrival),
                            size));
                }
            }
        }
        return out;
    }

    private long scenarioMillis(Instant at) {
        return (long) (Duration.between(scenario.realStart(), at).toMillis() * scenario.speed());
    }

    private Instant real(long scenarioMillis) {
        return scenario.realStart().plusMillis((long) (scenarioMillis / scenario.speed()));
    }
}
