package io.tierlens.kubernetes.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Realistic Kubernetes objects from {@code src/test/resources/k8s}, as the API server returns them. */
public final class Fixtures {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fixtures() {}

    public static <T> T load(String name, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/k8s/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return SERIALIZATION.unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GenericKubernetesResource generic(String name) {
        return load(name, GenericKubernetesResource.class);
    }
}
