package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every object of every ci scenario, in every mode, with the Prometheus Operator's objects too, validates against
 * the Kubernetes and prometheus-operator JSON schemas of the npm kubernetes-models packages.
 */
class KubernetesSchemaTest {
    private final Chart chart = Chart.repository();

    @Test
    void everyRenderedObjectOfEveryScenarioValidates() throws IOException {
        List<KubernetesSchemas.Source> objects = new ArrayList<>();
        for (Arguments a : ChartRenderingTest.scenarios().toList()) {
            String name = (String) a.get()[0];
            Path values = (Path) a.get()[1];
            collect(objects, name, chart.render(values == null ? List.of() : List.of(values), Chart.OPERATOR));
        }
        for (String mode : List.of(
                "mode: ha",
                "mode: ha\ndeploymentMode: perGroup",
                "mode: sharded\nsharding: {shards: 4, replicasPerShard: 2}")) {
            collect(objects, mode.replace('\n', ' '), chart.render(List.of(), Chart.OPERATOR, mode));
        }
        KubernetesSchemas.Result result = KubernetesSchemas.validate(objects);
        System.out.println(result.output());
        assertThat(result.valid()).as(result.output()).isTrue();
        assertThat(result.output()).contains("validated " + objects.size() + " objects, 0 invalid");
    }

    @Test
    void anInvalidObjectIsReported() throws IOException {
        // the validator can fail: a replica count as text and an unknown pull policy are refused
        JsonNode bad = Manifests.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bad}
                spec:
                  replicas: two
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: x, image: x, imagePullPolicy: Sometimes}]
                """);
        KubernetesSchemas.Result result =
                KubernetesSchemas.validate(List.of(new KubernetesSchemas.Source("hand-written", bad)));
        assertThat(result.valid()).isFalse();
        assertThat(result.output())
                .contains("hand-written: Deployment bad")
                .contains("replicas must be integer")
                .contains("imagePullPolicy must be equal to one of the allowed values");
    }

    private static void collect(List<KubernetesSchemas.Source> into, String source, String yaml) throws IOException {
        try (MappingIterator<JsonNode> it =
                Manifests.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    into.add(new KubernetesSchemas.Source(source, doc));
                }
            }
        }
    }
}
