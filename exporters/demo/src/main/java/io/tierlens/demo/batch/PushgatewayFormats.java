package io.tierlens.demo.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.PushedGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two renderings of a Pushgateway's groups: its {@code /metrics} (text format 0.0.4, one family per metric name
 * across groups, plus the Pushgateway's own {@code push_time_seconds} and {@code push_failure_time_seconds}) and its
 * {@code /api/v1/metrics} JSON. The push time of a group is its last run's end, when run-job pushed.
 */
final class PushgatewayFormats {
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String PUSH_TIME = "push_time_seconds";
    static final String PUSH_FAILURE_TIME = "push_failure_time_seconds";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PushgatewayFormats() {}

    /** Every metric of every group, with the push times, by metric name. */
    private static Map<String, List<Sample>> families(List<PushedGroup> groups) {
        Map<String, List<Sample>> out = new TreeMap<>();
        for (PushedGroup g : groups) {
            Map<String, Double> values = new TreeMap<>(g.values());
            values.put(PUSH_TIME, pushTime(g));
            values.put(PUSH_FAILURE_TIME, 0.0);
            values.forEach((name, v) ->
                    out.computeIfAbsent(name, n -> new ArrayList<>()).add(new Sample(new TreeMap<>(g.labels()), v)));
        }
        return out;
    }

    private static double pushTime(PushedGroup g) {
        return g.value(JobMetricNames.LAST_RUN).orElse(0.0);
    }

    static String text(List<PushedGroup> groups) {
        StringBuilder out = new StringBuilder();
        families(groups).forEach((name, samples) -> {
            out.append("# TYPE ").append(name).append(" gauge\n");
            for (Sample s : samples) {
                out.append(name).append('{');
                List<String> labels = new ArrayList<>();
                s.labels().forEach((k, v) -> labels.add(k + "=\"" + escape(v) + "\""));
                out.append(String.join(",", labels))
                        .append("} ")
                        .append(format(s.value()))
                        .append('\n');
            }
        });
        return out.toString();
    }

    static String json(List<PushedGroup> groups) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "success");
        ArrayNode data = root.putArray("data");
        for (PushedGroup g : groups) {
            ObjectNode group = data.addObject();
            ObjectNode labels = group.putObject("labels");
            new TreeMap<>(g.labels()).forEach(labels::put);
            group.put("last_push_successful", true);
            Map<String, Double> values = new TreeMap<>(g.values());
            values.put(PUSH_TIME, pushTime(g));
            values.put(PUSH_FAILURE_TIME, 0.0);
            values.forEach((name, v) -> {
                ObjectNode family = group.putObject(name);
                family.put(
                        "time_stamp",
                        Instant.ofEpochMilli(Math.round(pushTime(g) * 1000)).toString());
                family.put("type", "GAUGE");
                ObjectNode sample = family.putArray("metrics").addObject();
                ObjectNode sampleLabels = sample.putObject("labels");
                new TreeSet<>(g.labels().keySet())
                        .forEach(k -> sampleLabels.put(k, g.labels().get(k)));
                sample.put("value", format(v));
            });
        }
        return root.toString();
    }

    /** Prometheus' text format for a value: shortest exact decimal, as Go's strconv does for whole seconds. */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private record Sample(Map<String, String> labels, double value) {}
}
