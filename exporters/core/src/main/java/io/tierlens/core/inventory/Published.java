package io.tierlens.core.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The last good list of one kind of resource from one target, and when it was published. A reader judges its age
 * itself: a target whose exporter stopped refreshing keeps its last list here, growing older.
 *
 * @param target the publishing target's key ({@code <account_id>/<region>})
 */
public record Published<T>(String target, List<T> items, Instant at) {
    public Published {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        items = List.copyOf(items);
    }

    public Duration age(Instant now) {
        Duration d = Duration.between(at, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
