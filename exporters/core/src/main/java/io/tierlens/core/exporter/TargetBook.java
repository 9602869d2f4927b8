package io.tierlens.core.exporter;

import io.tierlens.core.exporter.ExporterState.TargetHealth;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one refresh's {@link TargetStatus}es into the exporter's per-target health: counts every reason in
 * {@code tierlens_refresh_errors_total{exporter,target,reason}} (pre-initialised at 0 the first time a target is
 * seen), and logs a target going down and coming back once each, not once per refresh.
 */
final class TargetBook {
    private static final Logger log = LoggerFactory.getLogger(TargetBook.class);

    private final String exporter;
    private final SelfMetrics self;

    TargetBook(String exporter, SelfMetrics self) {
        this.exporter = exporter;
        this.self = self;
    }

    /** The targets after a refresh that reported {@code statuses}; a target it no longer reports is forgotten. */
    List<TargetHealth> update(ExporterState before, List<TargetStatus> statuses, Instant now) {
        List<TargetHealth> out = new ArrayList<>(statuses.size());
        for (TargetStatus s : statuses) {
            Optional<TargetHealth> prev = before.target(s.target());
            if (prev.isEmpty()) {
                self.initTarget(exporter, s.target());
            }
            s.reasons().forEach(r -> self.refreshError(exporter, s.target(), r));
            logTransition(prev, s);
            out.add(new TargetHealth(
                    s.target(),
                    s.up(),
                    s.reasons(),
                    s.up() ? Optional.of(now) : prev.flatMap(TargetHealth::lastSuccess),
                    s.dataTimestamp().or(() -> prev.flatMap(TargetHealth::dataTimestamp))));
        }
        return out;
    }

    /** Every known target (or the exporter's only one) failed with {@code reason}. */
    static List<TargetStatus> allFailed(ExporterState before, String defaultTarget, String reason) {
        if (before.targets().isEmpty()) {
            return List.of(TargetStatus.failed(defaultTarget, List.of(reason), Optional.empty()));
        }
        return before.targets().stream()
                .map(t -> TargetStatus.failed(t.target(), List.of(reason), Optional.empty()))
                .toList();
    }

    private void logTransition(Optional<TargetHealth> prev, TargetStatus s) {
        boolean wasUp = prev.map(TargetHealth::up).orElse(true);
        if (wasUp && !s.up()) {
            log.warn("exporter={} target={} down reason={}", exporter, s.target(), String.join(",", s.reasons()));
        } else if (prev.isPresent() && !wasUp && s.up()) {
            log.info("exporter={} target={} recovered", exporter, s.target());
        } else if (prev.isPresent() && !s.up() && !prev.get().reasons().equals(s.reasons())) {
            log.warn(
                    "exporter={} target={} still down, now reason={}",
                    exporter,
                    s.target(),
                    String.join(",", s.reasons()));
        }
    }
}
