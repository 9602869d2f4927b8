package io.tierlens.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.poll.Kept;
import io.tierlens.core.poll.PollOutcome;
import io.tierlens.core.poll.RefreshPart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One DescribeTargetHealth per target group every poll, each target group's result kept on its own for up to
 * {@code max_staleness}. Access denied and throttling stop the round for this target: the remaining calls would
 * fail the same way and throttling would only get worse. Used from the exporter's refresh thread only.
 */
final class TargetHealthPart implements RefreshPart<AlbInventory> {
    static final String NAME = "target_health";

    private final AwsTarget target;
    private final Function<AwsTarget, AlbApi> apis;
    private final Clock clock;
    private final Duration maxStaleness;
    private final Map<String, Kept<List<TargetHealth>>> health = new HashMap<>();

    TargetHealthPart(AwsTarget target, Function<AwsTarget, AlbApi> apis, Clock clock, Duration maxStaleness) {
        this.target = target;
        this.apis = apis;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void refresh(AlbInventory inventory, PollOutcome.Builder out) {
        if (inventory.targetGroups().isEmpty()) {
            return;
        }
        AlbApi api;
        try {
            api = apis.apply(target);
        } catch (RuntimeException e) {
            out.failed(NAME, e, "no ELBv2 client", "");
            return;
        }
        Set<String> reasons = new LinkedHashSet<>();
        boolean anyOk = false;
        for (TargetGroup tg : inventory.targetGroups()) {
            try {
                List<TargetHealth> targets = api.describeTargetHealth(tg.arn());
                health.put(tg.arn(), new Kept<>(List.copyOf(targets), clock.instant()));
                anyOk = true;
            } catch (RuntimeException e) {
                String reason = FailureReason.of(e);
                if (reasons.add(reason)) {
                    out.failed(
                            NAME,
                            e,
                            "DescribeTargetHealth failed",
                            "target health series are kept from the last success or left out");
                }
                if (reason.equals(FailureReason.ACCESS_DENIED) || reason.equals(FailureReason.THROTTLED)) {
                    break;
                }
            }
        }
        if (anyOk) {
            out.succeeded(NAME);
        }
    }

    /** Target health per target group ARN, each unless older than {@code max_staleness}. */
    Map<String, List<TargetHealth>> targetHealth(Instant now) {
        Map<String, List<TargetHealth>> out = new HashMap<>();
        health.forEach((arn, h) -> {
            if (h.fresh(now, maxStaleness)) {
                out.put(arn, h.value());
            }
        });
        return out;
    }
}
