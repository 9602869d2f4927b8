package io.tierlens.contract.dashboards.model;

import io.tierlens.contract.catalog.ExternalSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One panel as tierlens describes it: what it shows (queries, unit, description) and how big it is. Grid
 * positions are computed when the dashboard is written, so panels are simply listed in reading order.
 */
public record Panel(
        PanelType type,
        String title,
        String description,
        String unit,
        List<Target> targets,
        int width,
        int height,
        Optional<Double> min,
        Optional<Double> max,
        List<Step> thresholds,
        List<ValueText> mappings,
        List<PanelLink> links,
        boolean stacked,
        boolean colorBackground,
        boolean showNames,
        Map<String, String> columns,
        List<ExternalSource> requires,
        ValueText whenAbsent) {

    /** What a current-value panel shows when its query returns nothing or NaN: never a colour that means fine. */
    public static final ValueText NO_DATA = new ValueText("null+nan", "NO DATA", "red");

    public Panel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        targets = List.copyOf(targets);
        thresholds = List.copyOf(thresholds);
        mappings = List.copyOf(mappings);
        links = List.copyOf(links);
        // insertion order is kept: the generated JSON must be the same on every run
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        requires = List.copyOf(requires);
    }

    public static Panel row(String title) {
        return new Panel(
                PanelType.ROW,
                title,
                "",
                "",
                List.of(),
                24,
                1,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                false,
                false,
                false,
                Map.of(),
                List.of(),
                NO_DATA);
    }

    public static Builder builder(PanelType type, String title, String unit) {
        return new Builder(type, title, unit);
    }

    /** The description as written into the dashboard: the text plus what the panel requires outside tierlens. */
    public String fullDescription() {
        StringBuilder text = new StringBuilder(description);
        for (ExternalSource source : requires) {
            text.append(' ').append(source.requirement());
        }
        return text.toString();
    }

    /** Builds a panel; every panel must have a description, a unit and at least one query. */
    public static final class Builder {
        private final PanelType type;
        private final String title;
        private final String unit;
        private String description = "";
        private final List<Target> targets = new ArrayList<>();
        private int width = 12;
        private int height = 8;
        private Optional<Double> min = Optional.empty();
        private Optional<Double> max = Optional.empty();
        private final List<Step> thresholds = new ArrayList<>();
        private final List<ValueText> mappings = new ArrayList<>();
        private final List<PanelLink> links = new ArrayList<>();
        private boolean stacked;
        private boolean colorBackground;
        private boolean showNames;
        private final Map<String, String> columns = new LinkedHashMap<>();
        private final List<ExternalSource> requires = new ArrayList<>();
        private ValueText whenAbsent = NO_DATA;

        private Builder(PanelType type, String title, String unit) {
            this.type = type;
            this.title = title;
            this.unit = unit;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Tables and current-value panels (stat, gauge, bar gauge) ask for "now"; time series for the range. */
        public Builder query(String expr, String legend) {
            boolean instant = type == PanelType.TABLE || type.showsCurrentValue();
            targets.add(instant ? Target.instant(expr, legend) : Target.range(expr, legend));
            return this;
        }

        /** An instant query whatever the panel type (a time series that needs only "now" as a point). */
        public Builder instantQuery(String expr, String legend) {
            targets.add(Target.instant(expr, legend));
            return this;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder min(double value) {
            this.min = Optional.of(value);
            return this;
        }

        public Builder max(double value) {
            this.max = Optional.of(value);
            return this;
        }

        /** Green below {@code warn}, orange from {@code warn}, red from {@code critical}. */
        public Builder thresholds(double warn, double critical) {
            thresholds.clear();
            thresholds.add(Step.base("green"));
            thresholds.add(Step.at(warn, "orange"));
            thresholds.add(Step.at(critical, "red"));
            return this;
        }

        /** Red below {@code critical}, orange below {@code warn}, green above: for "more is better" values. */
        public Builder thresholdsLowIsBad(double critical, double warn) {
            thresholds.clear();
            thresholds.add(Step.base("red"));
            thresholds.add(Step.at(critical, "orange"));
            thresholds.add(Step.at(warn, "green"));
            return this;
        }

        public Builder mapping(String value, String text, String color) {
            mappings.add(new ValueText(value, text, color));
            return this;
        }

        /** 1 shown as {@code up} in green, 0 and no data at all as {@code down} in red. */
        public Builder upDown(String up, String down) {
            mapping("1", up, "green");
            mapping("0", down, "red");
            whenAbsent(down, "red");
            colorBackground = true;
            return this;
        }

        /** Text and colour shown when the query returns nothing (or NaN); {@link #NO_DATA} unless set. */
        public Builder whenAbsent(String text, String color) {
            this.whenAbsent = new ValueText(NO_DATA.value(), text, color);
            return this;
        }

        public Builder link(String title, String uid) {
            links.add(new PanelLink(title, uid));
            return this;
        }

        public Builder stacked() {
            this.stacked = true;
            return this;
        }

        public Builder colorBackground() {
            this.colorBackground = true;
            return this;
        }

        /** Stat panels show the series name next to the value (for "which site is active"). */
        public Builder showNames() {
            this.showNames = true;
            return this;
        }

        /**
         * Table columns to rename ({@code "Value #A" -> "Age"}); a column renamed to the empty string is hidden.
         */
        public Builder column(String field, String displayName) {
            columns.put(field, displayName);
            return this;
        }

        public Builder requires(ExternalSource source) {
            requires.add(source);
            return this;
        }

        public Panel build() {
            if (description.isBlank()) {
                throw new IllegalStateException("panel '" + title + "' has no description");
            }
            if (unit == null || unit.isBlank()) {
                throw new IllegalStateException("panel '" + title + "' has no unit");
            }
            if (targets.isEmpty()) {
                throw new IllegalStateException("panel '" + title + "' has no query");
            }
            return new Panel(
                    type,
                    title,
                    description,
                    unit,
                    targets,
                    width,
                    height,
                    min,
                    max,
                    thresholds,
                    mappings,
                    links,
                    stacked,
                    colorBackground,
                    showNames,
                    columns,
                    requires,
                    whenAbsent);
        }
    }
}
