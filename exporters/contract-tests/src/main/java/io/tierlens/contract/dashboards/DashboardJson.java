package io.tierlens.contract.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.contract.dashboards.model.Dashboard;
import io.tierlens.contract.dashboards.model.Panel;
import io.tierlens.contract.dashboards.model.PanelLink;
import io.tierlens.contract.dashboards.model.PanelType;
import io.tierlens.contract.dashboards.model.Step;
import io.tierlens.contract.dashboards.model.Target;
import io.tierlens.contract.dashboards.model.ValueText;
import io.tierlens.contract.dashboards.model.Variable;
import java.util.Map;

/**
 * Writes a {@link Dashboard} as Grafana dashboard JSON (schemaVersion 39). Output is deterministic (fixed key
 * order, two-space indent, trailing newline) so the committed files can be compared byte for byte.
 */
public final class DashboardJson {
    public static final int SCHEMA_VERSION = 39;
    private static final int GRID_WIDTH = 24;
    private static final String DATASOURCE_UID = "${" + Variable.DATASOURCE + "}";
    private static final String LOKI_UID = "${" + Variable.LOKI + "}";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper();

    public String write(Dashboard dashboard) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(toJson(dashboard)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise dashboard " + dashboard.uid(), e);
        }
    }

    ObjectNode toJson(Dashboard d) {
        ObjectNode root = nodes.objectNode();
        root.set("annotations", annotations());
        root.put("description", d.description());
        root.put("editable", false);
        root.put("fiscalYearStartMonth", 0);
        root.put("graphTooltip", 1);
        root.putNull("id");
        root.set("links", dashboardLinks());
        root.set("panels", panels(d));
        root.put("refresh", "1m");
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("tags", nodes.arrayNode().add("tierlens"));
        ObjectNode templating = root.putObject("templating");
        ArrayNode list = templating.putArray("list");
        d.variables().forEach(v -> list.add(VariableJson.write(v)));
        ObjectNode time = root.putObject("time");
        time.put("from", "now-6h");
        time.put("to", "now");
        root.putObject("timepicker");
        root.put("timezone", "");
        root.put("title", d.title());
        root.put("uid", d.uid());
        root.put("version", 1);
        root.put("weekStart", "");
        return root;
    }

    private ObjectNode annotations() {
        ObjectNode builtIn = nodes.objectNode();
        builtIn.put("builtIn", 1);
        ObjectNode ds = builtIn.putObject("datasource");
        ds.put("type", "grafana");
        ds.put("uid", "-- Grafana --");
        builtIn.put("enable", true);
        builtIn.put("hide", true);
        builtIn.put("iconColor", "rgba(0, 211, 255, 1)");
        builtIn.put("name", "Annotations & Alerts");
        builtIn.put("type", "dashboard");
        ObjectNode annotations = nodes.objectNode();
        annotations.putArray("list").add(builtIn);
        return annotations;
    }

    private ArrayNode dashboardLinks() {
        ObjectNode all = nodes.objectNode();
        all.put("asDropdown", true);
        all.put("icon", "external link");
        all.put("includeVars", false);
        all.put("keepTime", true);
        all.set("tags", nodes.arrayNode().add("tierlens"));
        all.put("targetBlank", false);
        all.put("title", "tierlens dashboards");
        all.put("type", "dashboards");
        return nodes.arrayNode().add(all);
    }

    private ArrayNode panels(Dashboard d) {
        ArrayNode out = nodes.arrayNode();
        int id = 1;
        int x = 0;
        int y = 0;
        int lineHeight = 0;
        for (Panel p : d.panels()) {
            if (p.type() == PanelType.ROW || x + p.width() > GRID_WIDTH) {
                y += lineHeight;
                x = 0;
                lineHeight = 0;
            }
            out.add(panel(p, id++, x, y));
            x += p.width();
            lineHeight = Math.max(lineHeight, p.height());
            if (p.type() == PanelType.ROW) {
                y += p.height();
                lineHeight = 0;
            }
        }
        return out;
    }

    private ObjectNode panel(Panel p, int id, int x, int y) {
        ObjectNode node = nodes.objectNode();
        node.put("type", p.type().grafanaName());
        node.put("title", p.title());
        ObjectNode grid = node.putObject("gridPos");
        grid.put("h", p.height());
        grid.put("w", p.width());
        grid.put("x", x);
        grid.put("y", y);
        node.put("id", id);
        if (p.type() == PanelType.ROW) {
            node.put("collapsed", false);
            node.putArray("panels");
            return node;
        }
        node.put("description", p.fullDescription());
        if (p.type() == PanelType.LOGS) {
            return logsPanel(p, node);
        }
        node.set("datasource", datasource());
        node.set("fieldConfig", fieldConfig(p));
        node.set("options", options(p));
        ArrayNode targets = node.putArray("targets");
        char refId = 'A';
        for (Target t : p.targets()) {
            targets.add(target(t, refId++, p.type() == PanelType.TABLE));
        }
        if (p.type() == PanelType.TABLE) {
            node.set("transformations", tableTransformations(p));
        }
        if (!p.links().isEmpty()) {
            ArrayNode links = node.putArray("links");
            for (PanelLink link : p.links()) {
                ObjectNode l = links.addObject();
                l.put("title", link.title());
                l.put("url", link.url());
            }
        }
        return node;
    }

    /** Loki log lines: LogQL over the dashboard's time range, newest first. */
    private ObjectNode logsPanel(Panel p, ObjectNode node) {
        node.set("datasource", loki());
        ObjectNode config = node.putObject("fieldConfig");
        config.putObject("defaults");
        config.putArray("overrides");
        ObjectNode options = node.putObject("options");
        options.put("dedupStrategy", "none");
        options.put("enableLogDetails", true);
        options.put("prettifyLogMessage", false);
        options.put("showCommonLabels", false);
        options.put("showLabels", false);
        options.put("showTime", true);
        options.put("sortOrder", "Descending");
        options.put("wrapLogMessage", true);
        ArrayNode targets = node.putArray("targets");
        char refId = 'A';
        for (Target t : p.targets()) {
            ObjectNode target = targets.addObject();
            target.set("datasource", loki());
            target.put("editorMode", "code");
            target.put("expr", t.expr());
            target.put("queryType", "range");
            target.put("refId", String.valueOf(refId++));
        }
        return node;
    }

    private ObjectNode loki() {
        ObjectNode ds = nodes.objectNode();
        ds.put("type", "loki");
        ds.put("uid", LOKI_UID);
        return ds;
    }

    private ObjectNode datasource() {
        ObjectNode ds = nodes.objectNode();
        ds.put("type", "prometheus");
        ds.put("uid", DATASOURCE_UID);
        return ds;
    }

    private ObjectNode target(Target t, char refId, boolean table) {
        ObjectNode node = nodes.objectNode();
        node.set("datasource", datasource());
        node.put("editorMode", "code");
        node.put("expr", t.expr());
        if (table) {
            node.put("format", "table");
        }
        node.put("instant", t.instant());
        node.put("legendFormat", t.legend());
        node.put("range", !t.instant());
        node.put("refId", String.valueOf(refId));
        return node;
    }

    private ObjectNode fieldConfig(Panel p) {
        ObjectNode config = nodes.objectNode();
        ObjectNode defaults = config.putObject("defaults");
        ObjectNode color = defaults.putObject("color");
        color.put("mode", p.type() == PanelType.TIMESERIES ? "palette-classic" : "thresholds");
        ObjectNode custom = defaults.putObject("custom");
        if (p.type() == PanelType.TIMESERIES) {
            custom.put("drawStyle", "line");
            custom.put("fillOpacity", p.stacked() ? 40 : 10);
            custom.put("lineWidth", 1);
            custom.put("showPoints", "never");
            custom.put("spanNulls", false);
            ObjectNode stacking = custom.putObject("stacking");
            stacking.put("group", "A");
            stacking.put("mode", p.stacked() ? "normal" : "none");
        } else if (p.type() == PanelType.TABLE) {
            custom.put("align", "auto");
            custom.putObject("cellOptions").put("type", p.colorBackground() ? "color-background" : "auto");
        }
        ArrayNode mappings = defaults.putArray("mappings");
        if (p.type().showsCurrentValue()) {
            // No data (the source is gone) or NaN (0/0 when nothing is counted) must never look fine.
            ObjectNode absent = mappings.addObject();
            ObjectNode match = absent.putObject("options");
            match.put("match", p.whenAbsent().value());
            ObjectNode result = match.putObject("result");
            result.put("color", p.whenAbsent().color());
            result.put("index", 0);
            result.put("text", p.whenAbsent().text());
            absent.put("type", "special");
        }
        if (!p.mappings().isEmpty()) {
            ObjectNode mapping = mappings.addObject();
            ObjectNode options = mapping.putObject("options");
            int index = p.type().showsCurrentValue() ? 1 : 0;
            for (ValueText v : p.mappings()) {
                ObjectNode o = options.putObject(v.value());
                o.put("color", v.color());
                o.put("index", index++);
                o.put("text", v.text());
            }
            mapping.put("type", "value");
        }
        p.max().ifPresent(v -> defaults.put("max", v));
        p.min().ifPresent(v -> defaults.put("min", v));
        if (p.type().showsCurrentValue()) {
            defaults.put("noValue", p.whenAbsent().text());
        }
        ObjectNode thresholds = defaults.putObject("thresholds");
        thresholds.put("mode", "absolute");
        ArrayNode steps = thresholds.putArray("steps");
        if (p.thresholds().isEmpty()) {
            ObjectNode base = steps.addObject();
            base.put("color", p.type() == PanelType.TIMESERIES ? "green" : "blue");
            base.putNull("value");
        }
        for (Step s : p.thresholds()) {
            ObjectNode step = steps.addObject();
            step.put("color", s.color());
            if (s.from().isPresent()) {
                step.put("value", s.from().get());
            } else {
                step.putNull("value");
            }
        }
        defaults.put("unit", p.unit());
        config.putArray("overrides");
        return config;
    }

    private ObjectNode options(Panel p) {
        ObjectNode options = nodes.objectNode();
        switch (p.type()) {
            case TIMESERIES -> {
                ObjectNode legend = options.putObject("legend");
                legend.putArray("calcs");
                legend.put("displayMode", "list");
                legend.put("placement", "bottom");
                legend.put("showLegend", true);
                ObjectNode tooltip = options.putObject("tooltip");
                tooltip.put("mode", "multi");
                tooltip.put("sort", "desc");
            }
            case STAT -> {
                options.put("colorMode", p.colorBackground() ? "background" : "value");
                options.put("graphMode", "none");
                options.put("justifyMode", "auto");
                options.put("orientation", "auto");
                options.set("reduceOptions", lastValue());
                options.put("textMode", p.showNames() ? "value_and_name" : "auto");
            }
            case GAUGE -> {
                options.put("orientation", "auto");
                options.set("reduceOptions", lastValue());
                options.put("showThresholdLabels", false);
                options.put("showThresholdMarkers", true);
            }
            case BARGAUGE -> {
                options.put("displayMode", "gradient");
                options.put("orientation", "horizontal");
                options.set("reduceOptions", lastValue());
                options.put("showUnfilled", true);
                options.put("valueMode", "color");
            }
            case TABLE -> {
                options.put("cellHeight", "sm");
                options.put("showHeader", true);
            }
            case ROW, LOGS -> throw new IllegalArgumentException(p.type() + " panels have no such options");
        }
        return options;
    }

    private ObjectNode lastValue() {
        ObjectNode reduce = nodes.objectNode();
        reduce.putArray("calcs").add("lastNotNull");
        reduce.put("fields", "");
        reduce.put("values", false);
        return reduce;
    }

    /** Several instant queries become one row per label set; Time is never interesting in these tables. */
    private ArrayNode tableTransformations(Panel p) {
        ArrayNode list = nodes.arrayNode();
        if (p.targets().size() > 1) {
            list.addObject().put("id", "merge").putObject("options");
        }
        ObjectNode organize = list.addObject();
        organize.put("id", "organize");
        ObjectNode options = organize.putObject("options");
        ObjectNode exclude = options.putObject("excludeByName");
        exclude.put("Time", true);
        ObjectNode rename = options.putObject("renameByName");
        for (Map.Entry<String, String> c : p.columns().entrySet()) {
            if (c.getValue().isEmpty()) {
                exclude.put(c.getKey(), true);
            } else {
                rename.put(c.getKey(), c.getValue());
            }
        }
        return list;
    }
}
