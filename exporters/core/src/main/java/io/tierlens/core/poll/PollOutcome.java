package io.tierlens.core.poll;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.SafeErrorText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one poll of one target did, part by part ({@code discovery}, {@code cloudwatch}, {@code target_health},
 * ...). A part that was not due, or had nothing to ask, is in neither list.
 *
 * <p><b>Total failure</b>, the one meaning every exporter uses: the poll attempted at least one part and none of
 * them succeeded. A part that succeeded with problems in optional sub-reads (RDS discovery without pending
 * maintenance) counts as succeeded; a poll that had nothing to do is not a failure.
 *
 * <p>A per-target status can be read from it as is: up is {@code !totalFailure()}, the reason is
 * {@code firstFailure().reason()}, and the parts name what failed.
 *
 * @param succeeded names of the parts that succeeded, in poll order
 * @param failures what failed, in poll order; messages never carry AWS's message text
 */
public record PollOutcome(AwsTarget target, List<String> succeeded, List<PartFailure> failures) {

    public PollOutcome {
        succeeded = List.copyOf(succeeded);
        failures = List.copyOf(failures);
    }

    /**
     * One failure of one part.
     *
     * @param reason bounded, a {@link FailureReason}
     * @param message for the log: what failed, for which target, what is kept, and {@link SafeErrorText}
     * @param error the exception, when there was one (not logged: its message may name principals)
     */
    public record PartFailure(String part, String reason, String message, Optional<Throwable> error) {
        public PartialFailure partial() {
            return new PartialFailure(reason, message);
        }
    }

    public boolean totalFailure() {
        return succeeded.isEmpty() && !failures.isEmpty();
    }

    public Optional<PartFailure> firstFailure() {
        return failures.stream().findFirst();
    }

    public List<PartialFailure> partialFailures() {
        return failures.stream().map(PartFailure::partial).toList();
    }

    /** The exception a refresh throws when every target failed like this one: its reason, a safe message. */
    public ExporterException toException(String context) {
        PartFailure f = firstFailure().orElseThrow(() -> new IllegalStateException("no failure in " + this));
        return new ExporterException(
                f.reason(), context + f.message(), f.error().orElse(null));
    }

    public static Builder builder(AwsTarget target) {
        return new Builder(target);
    }

    /** Collects one poll; used from the polling thread only. */
    public static final class Builder {
        private final AwsTarget target;
        private final Set<String> succeeded = new LinkedHashSet<>();
        private final List<PartFailure> failures = new ArrayList<>();

        private Builder(AwsTarget target) {
            this.target = target;
        }

        public AwsTarget target() {
            return target;
        }

        public Builder succeeded(String part) {
            succeeded.add(part);
            return this;
        }

        /**
         * @param what what failed, e.g. {@code "discovery failed"}; the target is added after it
         * @param consequence what happens to the part's data, e.g. {@code "keeping the previous inventory"};
         *     empty for none
         */
        public Builder failed(String part, Throwable e, String what, String consequence) {
            String message = what + " for " + target + (consequence.isEmpty() ? "" : "; " + consequence) + ": "
                    + SafeErrorText.describe(e);
            failures.add(new PartFailure(part, FailureReason.of(e), message, Optional.of(e)));
            return this;
        }

        /** A failure of an optional sub-read of a part that still succeeded, already described safely. */
        public Builder problem(String part, PartialFailure problem) {
            failures.add(new PartFailure(part, problem.reason(), problem.message(), Optional.empty()));
            return this;
        }

        public PollOutcome build() {
            return new PollOutcome(target, List.copyOf(succeeded), failures);
        }
    }
}
