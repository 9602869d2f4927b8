package io.tierlens.session;

import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;

/**
 * {@code exporters.session.scan:} limits of the background SCAN (plain layout count, principal index count).
 *
 * @param count the COUNT hint of each SCAN call, 1..1000, default 200: one call then holds Redis' single thread for
 *     about 0.4 ms (a key costs it roughly 2 µs), so an application command never waits longer than that
 * @param pause sleep between two SCAN calls, default 1ms: leaves Redis idle time for the application's commands
 * @param timeBudget SCAN time per cycle over all namespaces, default 12s (below the 15-s refresh); a pass that
 *     needs more resumes next cycle
 * @param keyBudget keys SCAN may return per cycle over all namespaces, default 5,000,000
 * @param interval how often a plain-layout counting pass starts, default 45s: a pass costs Redis about what one
 *     redis_exporter -count-keys scrape costs, so passes are spaced while the count stays under a minute old
 */
public record ScanConfig(Integer count, Duration pause, Duration timeBudget, Long keyBudget, Duration interval) {

    public ScanConfig {
        count = count == null ? 200 : count;
        pause = pause == null ? Duration.ofMillis(1) : pause;
        timeBudget = timeBudget == null ? Duration.ofSeconds(12) : timeBudget;
        keyBudget = keyBudget == null ? 5_000_000L : keyBudget;
        interval = interval == null ? Duration.ofSeconds(45) : interval;
    }

    public static ScanConfig defaults() {
        return new ScanConfig(null, null, null, null, null);
    }

    void check(String path, Duration refresh, ConfigProblems problems) {
        if (count < 1 || count > 1000) {
            problems.add(
                    ConfigProblems.join(path, "count"),
                    "must be between 1 and 1000",
                    "larger SCAN calls block Redis longer; 200 is the default");
        }
        if (timeBudget.isZero()) {
            problems.add(ConfigProblems.join(path, "time_budget"), "must be longer than 0s", "use e.g. 20s");
        }
        if (timeBudget.compareTo(refresh) >= 0) {
            problems.add(
                    ConfigProblems.join(path, "time_budget"),
                    "is not shorter than refresh, so a cycle could run into the next",
                    "keep it below refresh (e.g. 2/3 of it)");
        }
        if (keyBudget < 1) {
            problems.add(ConfigProblems.join(path, "key_budget"), "must be positive", "the default is 5000000");
        }
    }
}
