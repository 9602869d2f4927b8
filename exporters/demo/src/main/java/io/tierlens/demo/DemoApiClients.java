package io.tierlens.demo;

import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.demo.fault.DemoFaults;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@link ApiClients} of the demo: every client interface is answered by a simulation registered by the
 * exporter modules' {@link DemoSimulation}s. Asking for an interface nobody simulates is a programming error.
 *
 * <p>The simulations of AWS APIs ({@link #registerAws}) are wrapped so that {@code --aws-latency} slows them and
 * {@link DemoFaults.Source#AWS} taken away makes them fail as an unreachable endpoint does.
 */
public final class DemoApiClients implements ApiClients {
    private final Map<Class<?>, Function<AwsTarget, ?>> simulations = new ConcurrentHashMap<>();
    private final Set<Class<?>> awsApis = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> instances = new ConcurrentHashMap<>();
    private final Duration injectedLatency;
    private final DemoFaults faults;

    public DemoApiClients() {
        this(Duration.ZERO, new DemoFaults());
    }

    /**
     * @param injectedLatency added to every simulated AWS call, to show (and benchmark) that a slow AWS side never
     *     slows {@code /metrics}
     * @param faults the sources the demo has taken away ({@code --fault-file}); simulations of other sources than
     *     AWS read it through {@link #faults()}
     */
    public DemoApiClients(Duration injectedLatency, DemoFaults faults) {
        this.injectedLatency = injectedLatency;
        this.faults = faults;
    }

    /** Registers the simulation of a client interface that does not talk to AWS (Kubernetes, Redis, DNS, ...). */
    public <T> void register(Class<T> api, Function<AwsTarget, ? extends T> simulation) {
        simulations.put(api, simulation);
    }

    /** Registers the simulation of an AWS API: slowed by {@code --aws-latency}, failing while AWS is taken away. */
    public <T> void registerAws(Class<T> api, Function<AwsTarget, ? extends T> simulation) {
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getSimpleName() + " is not an interface: it cannot be wrapped");
        }
        awsApis.add(api);
        simulations.put(api, simulation);
    }

    /** The sources the demo has taken away, for simulations that react to it themselves (the redis-server). */
    public DemoFaults faults() {
        return faults;
    }

    @Override
    public <T> T get(Class<T> api, AwsTarget target, Function<AwsTarget, T> live) {
        Function<AwsTarget, ?> sim = simulations.get(api);
        if (sim == null) {
            throw new IllegalStateException("the demo has no simulation of " + api.getSimpleName());
        }
        return api.cast(instances.computeIfAbsent(api.getName() + "|" + target.key(), k -> {
            Object client = sim.apply(target);
            return awsApis.contains(api) ? aws(api, client) : client;
        }));
    }

    @Override
    public AwsClientFactory factory() {
        throw new IllegalStateException("the demo builds no real AWS clients");
    }

    private Object aws(Class<?> api, Object client) {
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                if (faults.isDown(DemoFaults.Source.AWS)) {
                    throw unreachable(api);
                }
                if (!injectedLatency.isZero()) {
                    Thread.sleep(injectedLatency.toMillis());
                }
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** What the SDK throws when the endpoint refuses the connection: tierlens reports it as {@code unreachable}. */
    static SdkClientException unreachable(Class<?> api) {
        return SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused (demo: AWS taken away by the fault file, "
                        + api.getSimpleName() + ")")
                .cause(new ConnectException("Connection refused"))
                .build();
    }
}
