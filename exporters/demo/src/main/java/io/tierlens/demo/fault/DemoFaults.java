package io.tierlens.demo.fault;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sources the demo can take away and bring back ({@code --fault-file}), so a user or the end-to-end test sees
 * what tierlens does when AWS or Redis becomes unreachable. Demo only: the production jar has nothing like it.
 *
 * <p>Who simulates a source reads {@link #isDown} on every call (the AWS clients) or listens with {@link #onChange}
 * (the redis-server, which is stopped and started again).
 */
public final class DemoFaults {
    /** A source the demo simulates; its name is the key of a fault file line. */
    public enum Source {
        /** Every simulated AWS API, CloudWatch included. */
        AWS,
        /** The embedded redis-server the session exporter reads. */
        REDIS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Set<Source> down = ConcurrentHashMap.newKeySet();
    private final Map<Source, List<Consumer<Boolean>>> listeners = new ConcurrentHashMap<>();

    public boolean isDown(Source source) {
        return down.contains(source);
    }

    /** Calls {@code listener} with {@code true} when {@code source} is taken away, {@code false} when it returns. */
    public void onChange(Source source, Consumer<Boolean> listener) {
        listeners.computeIfAbsent(source, s -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Makes exactly {@code sources} down and tells the listeners of every source that changed. */
    public synchronized void setDown(Set<Source> sources) {
        for (Source s : Source.values()) {
            boolean wanted = sources.contains(s);
            boolean changed = wanted ? down.add(s) : down.remove(s);
            if (changed) {
                try {
                    listeners.getOrDefault(s, List.of()).forEach(l -> l.accept(wanted));
                } catch (RuntimeException e) {
                    // not applied: undo, so the next setDown with the same wish tries again
                    if (wanted) {
                        down.remove(s);
                    } else {
                        down.add(s);
                    }
                    throw e;
                }
            }
        }
    }

    /** The sources currently down. */
    public Set<Source> down() {
        return down.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(down);
    }

    /**
     * The sources a fault file takes away: one {@code source=down} or {@code source=up} line per source
     * ({@code aws}, {@code redis}); blank lines and {@code #} comments are ignored, a source not named is up.
     *
     * @throws IllegalArgumentException on any other line, so a typo is reported rather than silently ignored
     */
    public static Set<Source> parse(String text) {
        Set<Source> out = EnumSet.noneOf(Source.class);
        int n = 0;
        for (String raw : text.lines().toList()) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            Source source = eq < 0 ? null : source(line.substring(0, eq).strip());
            String state = eq < 0 ? "" : line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            if (source == null || !(state.equals("down") || state.equals("up"))) {
                throw new IllegalArgumentException(
                        "line " + n + ": expected aws=down|up or redis=down|up, got \"" + line + "\"");
            }
            if (state.equals("down")) {
                out.add(source);
            } else {
                out.remove(source);
            }
        }
        return out;
    }

    private static Source source(String key) {
        for (Source s : Source.values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        return null;
    }
}
