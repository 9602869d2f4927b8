package io.tierlens.contract.dashboards.model;

import java.util.Optional;

/** A threshold step: from {@code from} on (or from the bottom when empty) values are shown in {@code color}. */
public record Step(Optional<Double> from, String color) {
    public static Step base(String color) {
        return new Step(Optional.empty(), color);
    }

    public static Step at(double from, String color) {
        return new Step(Optional.of(from), color);
    }
}
