package io.tierlens.core.testing;

import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link ApiClients} answered by the fakes a test registers per client interface; asking for an interface the test
 * did not register fails loudly, so an exporter never reaches for a real SDK client by accident.
 */
public final class FakeApiClients implements ApiClients {
    private final Map<Class<?>, Function<AwsTarget, ?>> fakes = new ConcurrentHashMap<>();

    public <T> FakeApiClients register(Class<T> api, Function<AwsTarget, ? extends T> fake) {
        fakes.put(api, fake);
        return this;
    }

    @Override
    public <T> T get(Class<T> api, AwsTarget target, Function<AwsTarget, T> live) {
        Function<AwsTarget, ?> fake = fakes.get(api);
        if (fake == null) {
            throw new IllegalStateException("the test registered no fake " + api.getSimpleName());
        }
        return api.cast(fake.apply(target));
    }

    @Override
    public AwsClientFactory factory() {
        throw new IllegalStateException("tests build no real AWS clients");
    }
}
