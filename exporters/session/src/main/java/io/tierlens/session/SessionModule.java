package io.tierlens.session;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.session.client.SessionStoreFactory;

/**
 * The session exporter module: Spring Session in Redis.
 *
 * <h2>How the app wires it</h2>
 *
 * <pre>
 * // live: list it with the other modules; create() opens no connection, the first refresh does
 * modules.add(new SessionModule());
 *
 * // demo (module exporters/demo): its SessionDemoSimulation registers a SessionStoreFactory pointing at an embedded
 * // redis-server before create(); create() then connects to it with the normal Jedis client
 * </pre>
 *
 * The only difference between the modes is the {@link SessionStoreFactory} found in {@link
 * ExporterEnvironment#clients()}: in the demo it points Jedis at the embedded server.
 */
public final class SessionModule implements ExporterModule<SessionConfig> {
    public static final String NAME = "session";

    /**
     * The key under which {@link io.tierlens.core.aws.ApiClients} hands out the {@link SessionStoreFactory}: Redis
     * is no AWS target, but going through ApiClients is what lets the demo swap the connection target.
     */
    public static final AwsTarget REDIS_TARGET = AwsTarget.defaultCredentials("redis", "local");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SessionConfig> configType() {
        return SessionConfig.class;
    }

    @Override
    public Exporter create(SessionConfig config, ExporterEnvironment env) {
        SessionStoreFactory factory =
                env.clients().get(SessionStoreFactory.class, REDIS_TARGET, t -> SessionStoreFactory.JEDIS);
        return new SessionExporter(config, env.clock(), factory);
    }
}
