package io.tierlens.app.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierlens.app.schema.ConfigSchema;
import io.tierlens.app.wiring.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tierlens config-schema}: the JSON Schema of the configuration file, derived from the config records. With
 * {@code --embed-into values.schema.json} it replaces {@code properties.config} of the Helm chart's values schema,
 * so {@code helm install} rejects a misspelt config key before a pod crash-loops on it.
 */
@Command(
        name = "config-schema",
        description = "Print the JSON Schema of the configuration file, or embed it into a Helm values schema.")
public final class ConfigSchemaCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--embed-into",
            paramLabel = "VALUES_SCHEMA",
            description =
                    "Replace properties.config of this values.schema.json (e.g. helm/tierlens/values.schema.json).")
    Path embedInto;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ObjectNode schema = schema();
        PrintWriter out = spec.commandLine().getOut();
        if (embedInto == null) {
            out.println(write(schema));
            out.flush();
            return 0;
        }
        Files.writeString(embedInto, write(embed(JSON.readTree(embedInto.toFile()), schema)) + "\n");
        out.println("wrote properties.config of " + embedInto);
        out.flush();
        return 0;
    }

    /** The schema of this build's configuration. */
    public static ObjectNode schema() {
        return new ConfigSchema(Modules.configTypes(Modules.all())).generate();
    }

    /** {@code valuesSchema} with {@code properties.config} set to the config schema (without its $schema). */
    public static JsonNode embed(JsonNode valuesSchema, ObjectNode configSchema) {
        ObjectNode copy = valuesSchema.deepCopy();
        ObjectNode config = configSchema.deepCopy();
        config.remove("$schema");
        config.put("title", "tierlens configuration (generated: tierlens config-schema --embed-into)");
        ((ObjectNode) copy.with("properties")).set("config", config);
        return copy;
    }

    /** Stable, diff-friendly JSON: two-space indent, {@code "key": value}, short lists on one line. */
    public static String write(JsonNode node) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                // lists of type names stay on one line: ["string", "null"]
                .withArrayIndenter(new DefaultPrettyPrinter.FixedSpaceIndenter());
        return JSON.writer(printer).writeValueAsString(node);
    }
}
