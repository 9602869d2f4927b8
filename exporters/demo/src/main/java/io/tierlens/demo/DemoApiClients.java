package io.tierlens.demo;

import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link ApiClients} of the demo: every client interface is answered by a simulation registered by the
 * exporter modules' {@link DemoSimulation}s. Asking for an interface nobody simulates is a programming error.
 */
public final class DemoApiClients implements ApiClients {
    private final Map<Class<?>, Function<AwsTarget, ?>> simulations = new ConcurrentHashMap<>();
    private final Map<String, Object> instances = new ConcurrentHashMap<>();
    private final Duration injectedLatency;

    public DemoApiClients() {
        this(Duration.ZERO);
    }

    /**
     * @param injectedLatency added to every simulated call, to show (and benchmark) that a slow AWS side never
     *     slows {@code /metrics}
     */
    public DemoApiClients(Duration injectedLatency) {
        this.injectedLatency = injectedLatency;
    }

    public <T> void register(Class<T> api, Function<AwsTarget, ? extends T> simulation) {
        simulations.put(api, simulation);
    }

    @Override
    public <T> T get(Class<T> api, AwsTarget target, Function<AwsTarget, T> live) {
        Function<AwsTarget, ?> sim = simulations.get(api);
        if (sim == null) {
            throw new IllegalStateException("the demo has no simulation of " + api.getSimpleName());
        }
        return api.cast(
                instances.computeIfAbsent(api.getName() + "|" + target.key(), k -> slowedDown(api, sim.apply(target))));
    }

    @Override
    public AwsClientFactory factory() {
        throw new IllegalStateException("the demo builds no real AWS clients");
    }

    private Object slowedDown(Class<?> api, Object client) {
        if (injectedLatency.isZero() || !api.isInterface()) {
            return client;
        }
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                Thread.sleep(injectedLatency.toMillis());
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
