package io.tierlens.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where exporters publish what they discovered, per kind and target, and others read it. One board per
 * environment; every exporter's refresh thread may publish and read at the same time. A publication replaces the
 * target's previous list of that kind as a whole (readers never see half a list); nothing is removed, so a reader
 * always gets the last good list with its time and decides how old is too old.
 */
public final class InventoryBoard {
    private final Map<Class<?>, Map<String, Published<?>>> boards = new ConcurrentHashMap<>();

    /** Replaces {@code target}'s list of {@code kind}. */
    public <T> void publish(Class<T> kind, Published<T> published) {
        boards.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(published.target(), published);
    }

    /** Every target's last list of {@code kind}, ordered by target; empty when nobody published that kind. */
    @SuppressWarnings("unchecked") // publish() only stores Published<T> under T's class
    public <T> List<Published<T>> read(Class<T> kind) {
        List<Published<T>> out = new ArrayList<>();
        boards.getOrDefault(kind, Map.of()).values().forEach(p -> out.add((Published<T>) p));
        out.sort(Comparator.comparing(Published::target));
        return out;
    }
}
