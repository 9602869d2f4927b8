package io.tierlens.session;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.demo.DemoSimulation;
import io.tierlens.core.demo.Scenario;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.session.client.SessionStoreFactory;
import io.tierlens.session.demo.SessionDemoSimulation;

/**
 * The session exporter module: Spring Session in Redis.
 *
 * <h2>How the app wires it</h2>
 *
 * <pre>
 * // live: list it with the other modules; create() opens no connection, the first refresh does
 * modules.add(new SessionModule());
 *
 * // demo: once per demo process, before create()
 * DemoSimulation sim = module.demo(config, scenario, selfMetrics);
 * sim.install(demoClients);            // starts an embedded redis-server and the session simulator
 * Exporter e = module.create(config, envWithDemoClients);   // connects to it with the normal Jedis client
 * ...
 * ((AutoCloseable) sim).close();        // at shutdown: stops the simulator and the redis-server
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

    /**
     * A real redis-server (embedded-redis, or {@code redis-server} on the PATH) filled by a simulator that logs
     * users in and out with the scenario's traffic, writing keys exactly as Spring Session does in the layout of
     * {@code demo_layout}. Redis calls are not AWS calls, so {@code recorder} is not used. The returned
     * simulation is {@link AutoCloseable}; close it at shutdown.
     */
    @Override
    public DemoSimulation demo(SessionConfig config, Scenario scenario, ApiCallRecorder recorder) {
        return new SessionDemoSimulation(config, scenario);
    }
}
