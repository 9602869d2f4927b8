package io.tierlens.contract.dashboards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.contract.dashboards.model.Variable;

/** Writes one dashboard variable: a data source picker, a label_values() query, or a free-text regex. */
final class VariableJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VariableJson() {}

    static ObjectNode write(Variable v) {
        ObjectNode node = NODES.objectNode();
        if (v.isDatasource()) {
            node.putObject("current");
            node.put("hide", 0);
            node.put("includeAll", false);
            node.put("label", v.label());
            node.put("multi", false);
            node.put("name", v.name());
            node.putArray("options");
            node.put("query", v.value());
            node.put("refresh", 1);
            node.put("regex", "");
            node.put("type", "datasource");
            return node;
        }
        if (v.kind() == Variable.Kind.TEXTBOX) {
            ObjectNode current = node.putObject("current");
            current.put("selected", false);
            current.put("text", v.value());
            current.put("value", v.value());
            node.put("hide", 0);
            node.put("label", v.label());
            node.put("name", v.name());
            ObjectNode option = node.putArray("options").addObject();
            option.put("selected", true);
            option.put("text", v.value());
            option.put("value", v.value());
            node.put("query", v.value());
            node.put("type", "textbox");
            return node;
        }
        String query = v.query().orElseThrow();
        node.put("allValue", ".*");
        ObjectNode current = node.putObject("current");
        current.put("selected", true);
        current.putArray("text").add("All");
        current.putArray("value").add("$__all");
        node.set("datasource", prometheus());
        node.put("definition", query);
        node.put("hide", 0);
        node.put("includeAll", true);
        node.put("label", v.label());
        node.put("multi", true);
        node.put("name", v.name());
        node.putArray("options");
        ObjectNode q = node.putObject("query");
        q.put("query", query);
        q.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
        node.put("refresh", 2);
        node.put("regex", "");
        node.put("sort", 1);
        node.put("type", "query");
        return node;
    }

    private static ObjectNode prometheus() {
        ObjectNode ds = NODES.objectNode();
        ds.put("type", "prometheus");
        ds.put("uid", "${" + Variable.DATASOURCE + "}");
        return ds;
    }
}
