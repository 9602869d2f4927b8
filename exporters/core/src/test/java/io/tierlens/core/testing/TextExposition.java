package io.tierlens.core.testing;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders snapshots in the Prometheus text format (0.0.4, what Prometheus 2.x scrapes) and checks text against
 * that format's grammar: HELP/TYPE lines, sample syntax, label escaping, values, one TYPE per family before its
 * samples, families not interleaved, sample names matching their family's type, no duplicate series.
 */
public final class TextExposition {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[+-]?(Inf|NaN|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (\\S+)( .*)?");

    private TextExposition() {}

    public static String render(MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every violation found, each naming its line; empty for valid text. */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> helps = new HashSet<>();
        Set<String> finishedFamilies = new HashSet<>();
        Set<String> series = new HashSet<>();
        String family = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher t = TYPE.matcher(line);
                Matcher h = HELP.matcher(line);
                String name = t.matches() ? t.group(1) : h.matches() ? h.group(1) : null;
                if (name == null) {
                    if (line.startsWith("# TYPE") || line.startsWith("# HELP")) {
                        problems.add(where + "malformed HELP or TYPE line");
                    }
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    problems.add(where + "invalid metric name");
                }
                if (!name.equals(family)) {
                    if (family != null) {
                        finishedFamilies.add(family);
                    }
                    if (finishedFamilies.contains(name)) {
                        problems.add(where + "family " + name + " appears twice");
                    }
                    family = name;
                }
                if (t.matches() && types.put(name, t.group(2)) != null) {
                    problems.add(where + "second TYPE line for " + name);
                }
                if (h.matches() && !t.matches() && !helps.add(name)) {
                    problems.add(where + "second HELP line for " + name);
                }
                continue;
            }
            Sample s = Sample.parse(line, where, problems);
            if (s == null) {
                continue;
            }
            String owner = family != null && belongsTo(s.name, family, types.get(family)) ? family : null;
            if (owner == null) {
                problems.add(where + "sample " + s.name + " does not belong to the family above it (" + family + ")");
            } else if ("histogram".equals(types.get(owner))
                    && s.name.endsWith("_bucket")
                    && !s.labels.containsKey("le")) {
                problems.add(where + "histogram bucket without le label");
            }
            if (!series.add(s.name + s.labels)) {
                problems.add(where + "duplicate series");
            }
        }
        return problems;
    }

    private static boolean belongsTo(String sample, String family, String type) {
        if (type == null || type.equals("gauge") || type.equals("untyped")) {
            return sample.equals(family);
        }
        String base = family.endsWith("_total") ? family.substring(0, family.length() - 6) : family;
        return switch (type) {
            case "counter" ->
                sample.equals(family) || sample.equals(family + "_total") || sample.equals(base + "_created");
            case "histogram" ->
                List.of("_bucket", "_count", "_sum", "_created").stream()
                        .anyMatch(suffix -> sample.equals(family + suffix));
            default ->
                sample.equals(family)
                        || List.of("_count", "_sum", "_created").stream()
                                .anyMatch(suffix -> sample.equals(family + suffix));
        };
    }

    private record Sample(String name, Map<String, String> labels) {
        static Sample parse(String line, String where, List<String> problems) {
            int pos = 0;
            while (pos < line.length() && line.charAt(pos) != '{' && line.charAt(pos) != ' ') {
                pos++;
            }
            String name = line.substring(0, pos);
            if (!NAME.matcher(name).matches()) {
                problems.add(where + "invalid metric name");
                return null;
            }
            Map<String, String> labels = new TreeMap<>();
            if (pos < line.length() && line.charAt(pos) == '{') {
                pos++;
                while (pos < line.length() && line.charAt(pos) != '}') {
                    int eq = line.indexOf("=\"", pos);
                    if (eq < 0) {
                        problems.add(where + "label without =\"value\"");
                        return null;
                    }
                    String label = line.substring(pos, eq);
                    if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                        problems.add(where + "invalid label name '" + label + "'");
                    }
                    StringBuilder value = new StringBuilder();
                    int p = eq + 2;
                    for (; p < line.length() && line.charAt(p) != '"'; p++) {
                        char c = line.charAt(p);
                        if (c == '\\') {
                            char next = p + 1 < line.length() ? line.charAt(p + 1) : ' ';
                            if (next != '\\' && next != '"' && next != 'n') {
                                problems.add(where + "invalid escape in label value");
                            }
                            value.append(next == 'n' ? '\n' : next);
                            p++;
                        } else {
                            value.append(c);
                        }
                    }
                    if (p >= line.length()) {
                        problems.add(where + "unterminated label value");
                        return null;
                    }
                    if (labels.put(label, value.toString()) != null) {
                        problems.add(where + "label " + label + " given twice");
                    }
                    pos = p + 1;
                    if (pos < line.length() && line.charAt(pos) == ',') {
                        pos++;
                    }
                }
                if (pos >= line.length()) {
                    problems.add(where + "labels not closed");
                    return null;
                }
                pos++;
            }
            String[] rest = line.substring(pos).trim().split(" ");
            if (pos >= line.length() || line.charAt(pos) != ' ' || rest.length < 1 || rest.length > 2) {
                problems.add(where + "expected ' value [timestamp]' after the name and labels");
                return null;
            }
            if (!VALUE.matcher(rest[0]).matches()) {
                problems.add(where + "invalid value '" + rest[0] + "'");
            }
            if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
                problems.add(where + "invalid timestamp '" + rest[1] + "'");
            }
            return new Sample(name, labels);
        }
    }
}
