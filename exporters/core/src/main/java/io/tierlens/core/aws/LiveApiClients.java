package io.tierlens.core.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/** Production {@link ApiClients}: builds each real client once per (interface, target) and keeps it. */
public final class LiveApiClients implements ApiClients, AutoCloseable {
    private final AwsClientFactory factory;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    public LiveApiClients(AwsClientFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T get(Class<T> api, AwsTarget target, Function<AwsTarget, T> live) {
        return api.cast(clients.computeIfAbsent(
                api.getName() + "|" + target.key() + "|" + target.roleArn().orElse(""), k -> live.apply(target)));
    }

    @Override
    public AwsClientFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        for (Object c : clients.values()) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // at shutdown a client that fails to close has nothing left to serve; note it and go on
                    LoggerFactory.getLogger(LiveApiClients.class)
                            .debug("closing an AWS client failed: {}", e.toString());
                }
            }
        }
        factory.close();
    }
}
