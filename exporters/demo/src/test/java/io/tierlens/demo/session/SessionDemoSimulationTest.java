package io.tierlens.demo.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.fault.DemoFaults;
import io.tierlens.session.ScanConfig;
import io.tierlens.session.SessionConfig;
import io.tierlens.session.SessionModule;
import io.tierlens.session.collector.SessionCollectorTestAccess;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo the way it runs: simulate → install → create, against the embedded redis-server. */
class SessionDemoSimulationTest {

    @ParameterizedTest
    @CsvSource({"INDEXED, indexed_minute", "INDEXED_ZSET, indexed_sorted_set", "PLAIN, plain"})
    void theExporterSeesTheSimulatedUsersThroughJedis(SessionLayout demoLayout, String layout) throws Exception {
        SessionModule module = new SessionModule();
        // a new plain-layout pass every refresh, so the test need not wait for the 45-s pass interval
        SessionConfig config = SessionConfig.defaults().withScan(new ScanConfig(null, null, null, null, Duration.ZERO));
        Scenario scenario = Scenario.startingNow(Clock.systemUTC(), 60, 1);
        SessionDemoSimulation sim = (SessionDemoSimulation)
                DemoModules.all(demoLayout).get(module.name()).simulate(config, scenario, null);
        DemoApiClients clients = new DemoApiClients();
        String address;
        try {
            sim.install(clients);
            address = sim.start();
            ExporterEnvironment env = new ExporterEnvironment(Clock.systemUTC(), List.of(), clients, null, null);
            try (Exporter exporter = module.create(config, env)) {
                AtomicReference<String> text = new AtomicReference<>("");
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            RefreshResult r = exporter.refresh();
                            text.set(SessionCollectorTestAccess.render(r.data()));
                            return r.partialFailures().isEmpty()
                                    && text.get().contains("tierlens_session_active{namespace=\"spring:session\"}")
                                    && !text.get()
                                            .contains("tierlens_session_active{namespace=\"spring:session\"} 0.0");
                        });
                assertThat(text.get())
                        .contains("layout=\"" + layout + "\"")
                        .contains("tierlens_redis_up{instance=\"" + address + "\"} 1.0")
                        .contains("tierlens_session_age_seconds_count");
                assertThat(sim.loggedIn()).isPositive();
                if (!"plain".equals(layout)) {
                    assertThat(text.get()).contains("tierlens_session_principals{namespace=\"spring:session\"}");
                }
            }
        } finally {
            sim.close();
        }
        assertThat(reachable(address)).as("close() stops the redis-server").isFalse();
    }

    @Test
    void redisTakenAwayIsAnOutageTheExporterSeesAndRecoversFrom() throws Exception {
        SessionModule module = new SessionModule();
        SessionConfig config = SessionConfig.defaults().withScan(new ScanConfig(null, null, null, null, Duration.ZERO));
        Scenario scenario = Scenario.startingNow(Clock.systemUTC(), 60, 1);
        SessionDemoSimulation sim = (SessionDemoSimulation)
                DemoModules.all(SessionLayout.INDEXED).get(module.name()).simulate(config, scenario, null);
        DemoFaults faults = new DemoFaults();
        DemoApiClients clients = new DemoApiClients(Duration.ZERO, faults);
        try {
            sim.install(clients);
            String address = sim.start();
            ExporterEnvironment env = new ExporterEnvironment(Clock.systemUTC(), List.of(), clients, null, null);
            try (Exporter exporter = module.create(config, env)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> healthy(exporter));

                faults.setDown(Set.of(DemoFaults.Source.REDIS));
                assertThat(reachable(address)).as("redis-server stopped").isFalse();
                assertThat(healthy(exporter))
                        .as("a refresh without Redis is a failure")
                        .isFalse();

                faults.setDown(Set.of());
                assertThat(reachable(address))
                        .as("redis-server started again on the same port")
                        .isTrue();
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> healthy(exporter));
            }
        } finally {
            sim.close();
        }
    }

    /** A refresh that reached Redis without any failure. */
    private static boolean healthy(Exporter exporter) {
        try {
            RefreshResult r = exporter.refresh();
            return r.partialFailures().isEmpty()
                    && SessionCollectorTestAccess.render(r.data()).contains("tierlens_redis_up{");
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("try")
    private static boolean reachable(String address) {
        String[] hp = address.split(":");
        try (Socket s = new Socket(hp[0], Integer.parseInt(hp[1]))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
