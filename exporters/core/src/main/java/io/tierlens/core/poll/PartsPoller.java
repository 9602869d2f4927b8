package io.tierlens.core.poll;

import io.tierlens.core.aws.AwsTarget;
import java.time.Instant;
import java.util.List;

/**
 * One target of an exporter without discovery or CloudWatch (backup): a few independent reads every poll, each
 * keeping its last good result for up to {@code max_staleness}. A sibling of {@link TargetPoller} rather than
 * a TargetPoller without its CloudWatch part: that way the CloudWatch round can only be joined by a type that
 * always joins it, and an exporter that never asks CloudWatch is never expected by the planner. Used from the
 * exporter's refresh thread only.
 */
public final class PartsPoller implements PolledTarget {
    private final AwsTarget target;
    private final List<KeptRead<AwsTarget, ?>> parts;

    /** @param parts the enabled reads, each given the target */
    public PartsPoller(AwsTarget target, List<? extends KeptRead<AwsTarget, ?>> parts) {
        this.target = target;
        this.parts = List.copyOf(parts);
    }

    @Override
    public AwsTarget target() {
        return target;
    }

    @Override
    public PollOutcome poll() {
        PollOutcome.Builder out = PollOutcome.builder(target);
        for (KeptRead<AwsTarget, ?> part : parts) {
            part.refresh(target, out);
        }
        return out.build();
    }

    /** Whether any part has a result within {@code max_staleness}. */
    @Override
    public boolean servable(Instant now) {
        return parts.stream().anyMatch(p -> p.fresh(now).isPresent());
    }

    /** Every part is a direct read: the newest one served. */
    @Override
    public void addDataTimes(DataTime times, Instant now) {
        parts.forEach(p -> p.fresh(now).ifPresent(k -> times.read(k.at())));
    }
}
