package io.tierlens.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The output of {@code helm template}, parsed into typed fabric8 objects. Fails on anything fabric8 does not know
 * as a type (a misspelt kind or apiVersion) and on any field the type does not have (a misspelt or misplaced key),
 * which Kubernetes would silently drop.
 */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String text;
    private final List<JsonNode> documents;
    private final List<HasMetadata> resources;

    private Manifests(String text, List<JsonNode> documents, List<HasMetadata> resources) {
        this.text = text;
        this.documents = documents;
        this.resources = resources;
    }

    static Manifests parse(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered manifests are not YAML:\n" + text, e);
        }
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode doc : documents) {
            String where = doc.path("kind").asText() + " "
                    + doc.path("metadata").path("name").asText();
            KubernetesResource typed = SERIALIZATION.convertValue(doc, KubernetesResource.class);
            if (!(typed instanceof HasMetadata hm) || typed instanceof GenericKubernetesResource) {
                throw new AssertionError(where + ": no typed model for apiVersion "
                        + doc.path("apiVersion").asText() + " (misspelt kind or apiVersion?)");
            }
            List<String> unknown = UnknownFields.find(typed);
            if (!unknown.isEmpty()) {
                throw new AssertionError(
                        where + ": fields the " + typed.getClass().getSimpleName()
                                + " type does not have (Kubernetes would drop them): " + unknown);
            }
            resources.add(hm);
        }
        return new Manifests(text, List.copyOf(documents), List.copyOf(resources));
    }

    String text() {
        return text;
    }

    List<HasMetadata> resources() {
        return resources;
    }

    /** The raw YAML document of an object, as Helm rendered it. */
    JsonNode document(String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + " " + name + " not rendered"));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        type.getSimpleName() + " " + name + " not rendered; have " + names(type)));
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + names(type));
        }
        return found.get(0);
    }

    <T extends HasMetadata> List<String> names(Class<T> type) {
        return all(type).stream().map(r -> r.getMetadata().getName()).toList();
    }
}
