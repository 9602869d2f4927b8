package io.tierlens.demo.dr;

import io.tierlens.demo.Scenario;
import io.tierlens.demo.batch.NightlyJobStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The DR exporter's part of the demo story, at fixed times of every 30-minute {@link Scenario#CYCLE} (documented
 * in {@code docs/demo.md}). It happens inside the {@code dr-drill} job run of {@link NightlyJobStory}:
 *
 * <ul>
 *   <li>16:00 the primary site starts answering 503; its Route53 health checkers fail one region after another
 *       within a minute, and CloudWatch {@code HealthCheckStatus} drops to 0;
 *   <li>17:00 Route53 has failed the record over: DNS answers with the DR site's address;
 *   <li>the DR site's maintenance page answers throughout (the standby is ready);
 *   <li>24:00 the primary recovers; 25:00 DNS answers with the primary again and the drill job succeeds.
 * </ul>
 */
public final class FailoverDrill {
    public static final String RECORD = "shop.example.com";
    public static final String HOSTED_ZONE = "Z0DEMO0000000000000001";
    public static final String PRIMARY_HEALTH_CHECK = "7d3c1a52-5f0e-4b7a-9c1d-0000000000a1";
    public static final String DR_HEALTH_CHECK = "7d3c1a52-5f0e-4b7a-9c1d-0000000000b2";
    public static final List<String> PRIMARY_ADDRESSES = List.of("10.20.1.10", "10.20.1.11");
    public static final List<String> DR_ADDRESSES = List.of("203.0.113.10");

    public static final Duration OUTAGE_START = NightlyJobStory.DRILL_START;
    public static final Duration DNS_TO_DR = Duration.ofMinutes(17);
    public static final Duration OUTAGE_END = Duration.ofMinutes(24);
    public static final Duration DNS_TO_PRIMARY = NightlyJobStory.DRILL_END;

    private final Scenario scenario;

    public FailoverDrill(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Whether the primary site fails at real instant {@code at}. */
    public boolean primaryDown(Instant at) {
        return within(at, OUTAGE_START, OUTAGE_END);
    }

    /** Scenario time since the outage started, or negative outside it. */
    public Duration intoOutage(Instant at) {
        return primaryDown(at) ? scenario.inCycle(at).minus(OUTAGE_START) : Duration.ofMillis(-1);
    }

    /** Whether DNS answers with the DR site at real instant {@code at}. */
    public boolean dnsOnDr(Instant at) {
        return within(at, DNS_TO_DR, DNS_TO_PRIMARY);
    }

    private boolean within(Instant at, Duration from, Duration to) {
        Duration c = scenario.inCycle(at);
        return c.compareTo(from) >= 0 && c.compareTo(to) < 0;
    }
}
