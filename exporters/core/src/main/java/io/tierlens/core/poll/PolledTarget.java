package io.tierlens.core.poll;

import io.tierlens.core.aws.AwsTarget;
import java.time.Instant;

/** One target's poller as {@link TargetRefresh} drives it: {@link TargetPoller} or {@link PartsPoller}. */
public interface PolledTarget {

    AwsTarget target();

    /** Runs the parts that are due; never throws except when interrupted. */
    PollOutcome poll() throws InterruptedException;

    /** Whether the target has anything to serve at {@code now}. */
    boolean servable(Instant now);

    /** Adds the times of the data it serves at {@code now}. */
    void addDataTimes(DataTime times, Instant now);
}
