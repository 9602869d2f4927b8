package io.tierlens.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a tierlens YAML file: parse, substitute {@code ${ENV}}, bind the core records and every exporter
 * section (with the exporter module's record type), check, and report every problem at once.
 */
public final class ConfigLoader {
    private static final String YAML_FIX = "fix the YAML syntax (indentation, colons, quotes)";
    static final String MINIMAL_CONFIG = "regions: [eu-west-1]";

    private final Map<String, Class<? extends ExporterSettings>> exporterTypes;
    private final Function<String, String> env;

    /**
     * @param exporterTypes exporter name → its config record, in the order {@code check-config} lists them
     * @param env environment lookup, {@code System::getenv} in production
     */
    public ConfigLoader(Map<String, Class<? extends ExporterSettings>> exporterTypes, Function<String, String> env) {
        this.exporterTypes = new LinkedHashMap<>(exporterTypes);
        this.env = env;
    }

    public LoadedConfig load(Path file) throws ConfigException {
        String name = file.toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            return loadText(name, Utf8.decode(bytes).orElseThrow(() -> notUtf8(name, bytes)));
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    name, List.of(new ConfigError("", "file not found", "check the path given to --config")));
        } catch (IOException e) {
            throw new ConfigException(
                    name,
                    List.of(new ConfigError("", "cannot read the file: " + e.getMessage(), "check its permissions")));
        }
    }

    private static ConfigException notUtf8(String name, byte[] bytes) {
        return new ConfigException(
                name,
                List.of(new ConfigError(
                        "",
                        "is not UTF-8 text (the first invalid byte is at byte " + Utf8.firstInvalidByte(bytes) + ")",
                        "save the file as UTF-8, e.g. iconv -f LATIN1 -t UTF-8")));
    }

    /**
     * One line naming where the syntax breaks. SnakeYAML's own message quotes the offending line, which may hold
     * a secret (an unterminated {@code external_id: "...}), so only its problem, context and marks are used.
     */
    public static ConfigError syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String context = m.getContext() == null
                    ? ""
                    : m.getContext() + (m.getContextMark() == null ? "" : " (from " + at(m.getContextMark()) + ")")
                            + ": ";
            return new ConfigError(
                    at(m.getProblemMark()), oneLine("not valid YAML: " + context + m.getProblem()), YAML_FIX);
        }
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int nl = message.indexOf('\n');
        return new ConfigError(where, "not valid YAML: " + (nl < 0 ? message : message.substring(0, nl)), YAML_FIX);
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    public LoadedConfig loadText(String source, String yaml) throws ConfigException {
        List<JsonNode> documents;
        try {
            documents = YamlTree.readAll(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(syntaxError(e)));
        } catch (IOException e) {
            throw new ConfigException(source, List.of(new ConfigError("", "not valid YAML", YAML_FIX)));
        }
        if (documents.isEmpty()) {
            // An empty file used to pass as "all defaults", which watch no region: green and useless.
            throw new ConfigException(
                    source,
                    List.of(new ConfigError(
                            "", "the file is empty", "the smallest configuration is one line: " + MINIMAL_CONFIG)));
        }
        if (documents.size() > 1) {
            // Only the first would be read; a config split by '---' would lose its second half silently.
            throw new ConfigException(
                    source,
                    List.of(new ConfigError(
                            "",
                            "contains " + documents.size() + " YAML documents; tierlens reads one",
                            "merge them into one document and remove the '---' separators")));
        }
        JsonNode root = documents.get(0);
        ConfigProblems problems = new ConfigProblems();
        root = new EnvSubstitution(env, problems).apply(root, "");
        ConfigBinder binder = new ConfigBinder(problems);
        TierlensConfig core = binder.bind(root, TierlensConfig.class, "");
        Map<String, ExporterSettings> exporters = new LinkedHashMap<>();
        JsonNode section = root.path("exporters");
        if (!section.isMissingNode() && !section.isNull() && section.isObject()) {
            section.fieldNames().forEachRemaining(n -> {
                if (!exporterTypes.containsKey(n)) {
                    problems.add(
                            "exporters." + n,
                            "unknown exporter",
                            ConfigBinder.suggestion(n, exporterTypes.keySet())
                                    .replace("known keys here", "known exporters"));
                }
            });
        }
        for (Map.Entry<String, Class<? extends ExporterSettings>> e : exporterTypes.entrySet()) {
            JsonNode node = section.isObject() ? section.get(e.getKey()) : null;
            ExporterSettings s = binder.bind(node, e.getValue(), "exporters." + e.getKey());
            if (s != null) {
                exporters.put(e.getKey(), s);
            }
        }
        if (!problems.isEmpty() || core == null) {
            throw new ConfigException(source, problems.errors());
        }
        return new LoadedConfig(source, core, exporters);
    }
}
