package io.tierlens.core.config;

import java.time.Duration;

/** Settings every exporter section has. */
public interface ExporterSettings {
    Boolean enabled();

    Duration refresh();

    Duration maxStaleness();

    /** Standard checks for the common settings; exporter records call it from their own check. */
    static void checkCommon(ExporterSettings s, String path, ConfigProblems problems) {
        if (s.refresh().isZero()) {
            problems.add(ConfigProblems.join(path, "refresh"), "must be longer than 0s", "use e.g. 60s");
        }
        if (s.maxStaleness().compareTo(s.refresh()) < 0) {
            problems.add(
                    ConfigProblems.join(path, "max_staleness"),
                    "is shorter than refresh, so data would vanish between refreshes",
                    "make max_staleness at least refresh (e.g. 3x refresh)");
        }
    }
}
