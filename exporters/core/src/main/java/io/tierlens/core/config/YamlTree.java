package io.tierlens.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads every document of a YAML text into Jackson trees, resolving anchors ({@code &name}), aliases
 * ({@code *name}) and merge keys ({@code <<: *name}).
 *
 * <p>Why not {@code ObjectMapper.readTree}: Jackson's YAML parser hands an alias over as the text of the anchor's
 * name, so {@code regions: *watched} became the string "watched" ("expected a list"), and it reads only the first
 * document, so a second one was silently ignored. Scalars keep Jackson's typing (true/false, numbers).
 */
final class YamlTree {
    /** Aliases copy nodes; this bounds the tree an alias bomb ("billion laughs") can build. */
    static final int MAX_NODES = 100_000;

    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Duplicate keys are errors: a second 'exporters:' would otherwise silently replace the first.
    private static final YAMLFactory FACTORY = new AnchorAwareFactory();

    private final AnchorAwareParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int nodes;

    private YamlTree(AnchorAwareParser parser) {
        this.parser = parser;
    }

    /** The documents of {@code yaml}, empty ones (a lone {@code ---}, only comments) left out. */
    static List<JsonNode> readAll(String yaml) throws IOException {
        try (AnchorAwareParser p = (AnchorAwareParser) FACTORY.createParser(yaml)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            YamlTree reader = new YamlTree(p);
            List<JsonNode> docs = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonNode doc = reader.value(t);
                if (!doc.isNull() && !(doc.isTextual() && doc.asText().isEmpty())) {
                    docs.add(doc);
                }
            }
            return docs;
        }
    }

    private JsonNode value(JsonToken t) throws IOException {
        if (++nodes > MAX_NODES) {
            throw new TooLarge(parser);
        }
        if (parser.isCurrentAlias()) {
            JsonNode target = anchors.get(parser.getText());
            if (target == null) {
                throw new UnknownAlias(parser, parser.getText());
            }
            nodes += size(target);
            if (nodes > MAX_NODES) {
                throw new TooLarge(parser);
            }
            return target.deepCopy();
        }
        String anchor = parser.anchor();
        JsonNode node = switch (t) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /** The same node types {@code readTree} gives, so numbers read back as they were written. */
    private JsonNode integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private ObjectNode object() throws IOException {
        ObjectNode out = NODES.objectNode();
        List<JsonNode> merges = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonNode v = value(parser.nextToken());
            if (MERGE_KEY.equals(key)) {
                merges.add(v);
            } else {
                out.set(key, v);
            }
        }
        // YAML merge keys: keys written in the mapping win over merged ones, earlier merged maps over later ones.
        for (JsonNode m : merges) {
            for (JsonNode source : m.isArray() ? m : List.of(m)) {
                if (!source.isObject()) {
                    throw new BadMerge(parser);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!out.has(e.getKey())) {
                        out.set(e.getKey(), e.getValue().deepCopy());
                    }
                }
            }
        }
        return out;
    }

    private ArrayNode array() throws IOException {
        ArrayNode out = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            out.add(value(t));
        }
        return out;
    }

    private static int size(JsonNode n) {
        int s = 1;
        for (JsonNode c : n) {
            s += size(c);
        }
        return s;
    }

    /** Builds {@link AnchorAwareParser}s with the factory's settings, as {@link YAMLFactory} builds its own. */
    private static final class AnchorAwareFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new AnchorAwareParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }
    }

    /**
     * Jackson's parser reports the anchor of a list or section ({@code getObjectId}) but not of a scalar
     * ({@code region: &home eu-west-1}); the SnakeYAML event it just read has both.
     */
    private static final class AnchorAwareParser extends YAMLParser {
        AnchorAwareParser(
                IOContext ctxt, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader r) {
            super(ctxt, features, yamlFeatures, options, codec, r);
        }

        String anchor() {
            return _lastEvent instanceof NodeEvent n ? n.getAnchor() : null;
        }
    }

    /** A structural problem found while resolving; reported like a syntax error, with line and column. */
    static class Problem extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        Problem(JsonParser p, String message) {
            super(message, p.currentLocation());
        }
    }

    private static final class UnknownAlias extends Problem {
        private static final long serialVersionUID = 1L;

        UnknownAlias(JsonParser p, String name) {
            super(p, "alias *" + name + " refers to no anchor &" + name + " defined before it");
        }
    }

    private static final class TooLarge extends Problem {
        private static final long serialVersionUID = 1L;

        TooLarge(JsonParser p) {
            super(p, "aliases expand to more than " + MAX_NODES + " values");
        }
    }

    private static final class BadMerge extends Problem {
        private static final long serialVersionUID = 1L;

        BadMerge(JsonParser p) {
            super(p, "a merge key (<<) takes a section or a list of sections");
        }
    }
}
