package io.tierlens.contract.dashboards.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One tierlens dashboard: number and slug give its file name ({@code 002-aws-infrastructure.json}) and its
 * stable uid ({@code tierlens-002-aws-infrastructure}).
 */
public record Dashboard(
        String number, String slug, String name, String description, List<Variable> variables, List<Panel> panels) {

    public static final String UID_PREFIX = "tierlens-";
    public static final int MAX_UID_LENGTH = 40;

    public Dashboard {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(slug, "slug");
        variables = List.copyOf(variables);
        panels = List.copyOf(panels);
        if (uid(number, slug).length() > MAX_UID_LENGTH) {
            throw new IllegalArgumentException("uid too long: " + uid(number, slug));
        }
    }

    public static String uid(String number, String slug) {
        return UID_PREFIX + number + "-" + slug;
    }

    public String uid() {
        return uid(number, slug);
    }

    public String fileName() {
        return number + "-" + slug + ".json";
    }

    /** The title Grafana shows, also used by runbooks ("002 AWS Infrastructure"). */
    public String shortTitle() {
        return number + " " + name;
    }

    public String title() {
        return "tierlens / " + shortTitle();
    }

    public static Builder builder(String number, String slug, String name) {
        return new Builder(number, slug, name);
    }

    /** Collects variables and panels in reading order. */
    public static final class Builder {
        private final String number;
        private final String slug;
        private final String name;
        private String description = "";
        private final List<Variable> variables = new ArrayList<>(List.of(Variable.datasource()));
        private final List<Panel> panels = new ArrayList<>();

        private Builder(String number, String slug, String name) {
            this.number = number;
            this.slug = slug;
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder variable(String name, String label, String labelValuesQuery) {
            variables.add(Variable.labelValues(name, label, labelValuesQuery));
            return this;
        }

        /** A free-text regular expression with a default, e.g. which Deployments are the web tier. */
        public Builder regexVariable(String name, String label, String defaultRegex) {
            variables.add(Variable.regex(name, label, defaultRegex));
            return this;
        }

        /** The optional Loki data source for log panels. */
        public Builder lokiVariable() {
            variables.add(Variable.loki());
            return this;
        }

        public Builder row(String title) {
            panels.add(Panel.row(title));
            return this;
        }

        public Builder panel(Panel.Builder panel) {
            panels.add(panel.build());
            return this;
        }

        public Dashboard build() {
            return new Dashboard(number, slug, name, description, variables, panels);
        }
    }
}
