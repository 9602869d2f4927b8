package io.tierlens.demo.alb;

import io.tierlens.demo.Scenario;
import io.tierlens.demo.alb.SimulatedEstate.SimLoadBalancer;
import io.tierlens.demo.alb.SimulatedEstate.SimTargetGroup;
import io.tierlens.demo.alb.SimulatedEstate.Tier;
import java.time.Duration;
import java.time.Instant;

/**
 * What the demo's users do to the estate at a moment: request volume follows {@link Scenario#traffic}, and in
 * {@link Scenario#errorBurst} the WAS tier fails part of its requests (nginx passes them on as 502/504), gets
 * slow, and one WAS target fails its health check. Both the CloudWatch and the DescribeTargetHealth simulation
 * read from here, so the numbers agree with each other.
 */
final class SimulatedTraffic {
    /** 5xx share of the WAS tier's responses in the burst; nginx passes most of them on. */
    static final double BURST_WAS_5XX = 0.18;

    static final double BURST_WEB_5XX = 0.12;
    /**
     * No 5xx outside the burst: the availability SLO's budget is 0.1 %, and a baseline near it made the slow burn
     * alert fire all the time (issue 15). With none, "5xx ratio" reads 0 outside the burst and above 0 in it.
     */
    static final double NORMAL_5XX = 0;

    private final Scenario scenario;

    SimulatedTraffic(Scenario scenario) {
        this.scenario = scenario;
    }

    boolean burst(Instant at) {
        return scenario.errorBurst(at);
    }

    /** Requests a target group receives in the period starting at {@code at}. */
    double requests(SimLoadBalancer lb, SimTargetGroup tg, Instant at, Duration period) {
        return lb.peakRequestsPerSecond()
                * tg.share()
                * scenario.traffic(at)
                * period.toSeconds()
                * (0.95 + 0.1 * Scenario.noise(tg.name(), bucket(at)));
    }

    double fiveXxShare(SimTargetGroup tg, Instant at) {
        if (!burst(at) || tg.tier() == Tier.ADMIN) {
            return NORMAL_5XX;
        }
        return tg.tier() == Tier.WAS ? BURST_WAS_5XX : BURST_WEB_5XX;
    }

    /** Average target response time in seconds; percentiles are derived from it by fixed ratios. */
    double responseTime(SimTargetGroup tg, Instant at) {
        double base = switch (tg.tier()) {
            case WEB -> 0.030;
            case WAS -> 0.085;
            case ADMIN -> 0.008;
        };
        double slow = burst(at) && tg.tier() != Tier.ADMIN ? 4.0 : 1.0;
        return base * slow * (1 + 0.3 * scenario.traffic(at)) * (0.9 + 0.2 * Scenario.noise(tg.id(), bucket(at)));
    }

    /** Targets failing their health check: one WAS target in the burst (two in its first minutes). */
    int unhealthyTargets(SimTargetGroup tg, Instant at) {
        if (!burst(at) || tg.tier() != Tier.WAS) {
            return 0;
        }
        Duration intoBurst = scenario.inCycle(at).minus(Scenario.ERROR_BURST_START);
        int n = intoBurst.compareTo(Duration.ofMinutes(2)) < 0 ? 2 : 1;
        return Math.min(n, Math.max(0, tg.targets() - 1));
    }

    private static long bucket(Instant at) {
        return at.getEpochSecond() / 60;
    }
}
