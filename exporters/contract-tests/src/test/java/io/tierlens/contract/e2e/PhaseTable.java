package io.tierlens.contract.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario phase table of {@code docs/dashboards-and-alerts.md} ("Scenario phases the end-to-end test
 * asserts"), read as data: the panel values each phase must show and the alerts that fire in it. The document is
 * the single place to change an expectation (an alert renamed, a panel retitled).
 */
record PhaseTable(List<PanelRow> panels, List<AlertRow> alerts) {
    static final String SECTION = "## Scenario phases the end-to-end test asserts";

    /** One expectation: in {@code when}, panel query {@code where} shows {@code expected}, {@code settle} s late. */
    record PanelRow(String phase, When when, String where, Expectation expected, int settleSeconds) {
        String describe() {
            return phase + " (" + when + "): " + where + " " + expected;
        }
    }

    /**
     * The alerts that fire in a phase: {@code alerts} must fire, {@code optional} (written {@code Name?}) may: their
     * condition builds up over a window that fills at about the end of the observation, so at --speed 30 whether they
     * fire in time depends on the machine.
     */
    record AlertRow(String phase, When when, Set<String> alerts, Set<String> optional) {}

    /**
     * When a row applies: a window of cycle minutes at {@code --speed 30} ({@code from–to}, wrapping at 30), or a
     * named part of the test: {@code history} (CloudWatch datapoints of periods before the scenario started),
     * {@code averaged} (datapoints of whole periods after it: at --speed 30 each averages a full cycle), {@code all}
     * (the whole observation), {@code was-down} (after a WAS pod died), {@code tierlens-stopped}.
     */
    record When(String name, double fromMinute, double toMinute) {
        static final Set<String> NAMED = Set.of("history", "averaged", "all", "was-down", "tierlens-stopped");
        private static final Pattern WINDOW = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*[–-]\\s*(\\d+(?:\\.\\d+)?)$");

        static When parse(String text) {
            Matcher m = WINDOW.matcher(text);
            if (m.matches()) {
                return new When("", Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            }
            if (!NAMED.contains(text)) {
                throw new IllegalArgumentException(
                        "phase time \"" + text + "\": expected minutes like 13–30 or one of " + NAMED);
            }
            return new When(text, 0, 0);
        }

        boolean isWindow() {
            return name.isEmpty();
        }

        /** Whether cycle minute {@code m} is in the window shrunk at its start by {@code settleMinutes}. */
        boolean settledAt(double m, double settleMinutes) {
            double from = (fromMinute + settleMinutes) % 30;
            double to = toMinute % 30;
            double length = ((toMinute - fromMinute) % 30 + 30) % 30;
            if (length == 0) {
                length = 30;
            }
            if (settleMinutes >= length) {
                return false;
            }
            return from < to ? m >= from && m < to : m >= from || m < to;
        }

        @Override
        public String toString() {
            return isWindow() ? "cycle minutes " + fromMinute + "–" + toMinute : name;
        }
    }

    static PhaseTable read(Path root) throws IOException {
        Path doc = root.resolve("docs/dashboards-and-alerts.md");
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException(doc + " has no section \"" + SECTION + "\"");
        }
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        if (tables.size() != 2) {
            throw new IllegalStateException(SECTION + " must hold two tables (panels, alerts), found " + tables.size());
        }
        List<PanelRow> panels = new ArrayList<>();
        for (List<String> cells : rows(tables.get(0), 5)) {
            panels.add(new PanelRow(
                    cells.get(0),
                    When.parse(cells.get(1)),
                    cells.get(2),
                    Expectation.parse(cells.get(3)),
                    Integer.parseInt(cells.get(4))));
        }
        List<AlertRow> alerts = new ArrayList<>();
        for (List<String> cells : rows(tables.get(1), 3)) {
            Set<String> names = new LinkedHashSet<>();
            Set<String> optional = new LinkedHashSet<>();
            Arrays.stream(cells.get(2).split(","))
                    .map(String::trim)
                    .filter(n -> !n.isEmpty() && !n.equals("none"))
                    .forEach(n -> {
                        if (n.endsWith("?")) {
                            optional.add(n.substring(0, n.length() - 1));
                        } else {
                            names.add(n);
                        }
                    });
            alerts.add(new AlertRow(cells.get(0), When.parse(cells.get(1)), names, optional));
        }
        return new PhaseTable(panels, alerts);
    }

    /** The body rows of a markdown table (header and separator dropped), cells trimmed, backticks removed. */
    private static List<List<String>> rows(List<String> table, int columns) {
        List<List<String>> out = new ArrayList<>();
        for (String line : table.subList(2, table.size())) {
            String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
            List<String> cells = Arrays.stream(inner.split("\\|"))
                    .map(c -> c.trim().replace("`", ""))
                    .toList();
            if (cells.size() != columns) {
                throw new IllegalStateException(
                        "phase table row with " + cells.size() + " cells, expected " + columns + ": " + line);
            }
            out.add(cells);
        }
        return out;
    }
}
