package io.tierlens.demo;

import io.tierlens.alb.AlbModule;
import io.tierlens.backup.BackupModule;
import io.tierlens.batch.BatchModule;
import io.tierlens.cost.CostModule;
import io.tierlens.demo.alb.AlbDemoSimulation;
import io.tierlens.demo.backup.BackupDemoSimulation;
import io.tierlens.demo.batch.BatchDemoSimulation;
import io.tierlens.demo.cost.CostDemo;
import io.tierlens.demo.dr.DrDemoSimulation;
import io.tierlens.demo.karpenter.KarpenterDemo;
import io.tierlens.demo.rds.RdsDemoSimulation;
import io.tierlens.demo.session.SessionDemoSimulation;
import io.tierlens.demo.session.SessionLayout;
import io.tierlens.dr.DrModule;
import io.tierlens.karpenter.KarpenterModule;
import io.tierlens.rds.RdsModule;
import io.tierlens.session.SessionModule;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The simulation of every exporter the build ships ({@code io.tierlens.app.wiring.Modules}), by exporter name. */
public final class DemoModules {
    private DemoModules() {}

    /** @param sessionLayout the key layout the session simulator writes ({@code --session-layout}) */
    public static Map<String, DemoModule> all(SessionLayout sessionLayout) {
        return all(sessionLayout, Optional.empty());
    }

    /**
     * @param sessionLayout the key layout the session simulator writes ({@code --session-layout})
     * @param pushgateway the demo's Pushgateway ({@code DemoPushgateway}) the DR exporter reads over HTTP, as it
     *     reads a real one; empty: the story is handed to the exporter's client interface directly
     */
    public static Map<String, DemoModule> all(SessionLayout sessionLayout, Optional<URI> pushgateway) {
        return List.of(
                        DemoModule.of(
                                new AlbModule(), (c, scenario, recorder) -> new AlbDemoSimulation(scenario, recorder)),
                        DemoModule.of(
                                new RdsModule(), (c, scenario, recorder) -> new RdsDemoSimulation(scenario, recorder)),
                        DemoModule.of(
                                new BackupModule(),
                                (c, scenario, recorder) -> new BackupDemoSimulation(scenario, recorder)),
                        DemoModule.of(
                                new DrModule(),
                                (c, scenario, recorder) -> new DrDemoSimulation(scenario, recorder, pushgateway)),
                        // Pushgateway and CronJobs are simulated; batch makes no AWS call to record
                        DemoModule.of(new BatchModule(), (c, scenario, recorder) -> new BatchDemoSimulation(scenario)),
                        // a simulated cluster in fabric8's mock API server; the exporter reaches it through a real
                        // client
                        DemoModule.of(new KarpenterModule(), (c, scenario, recorder) -> KarpenterDemo.start(scenario)),
                        // Pricing, spot history and Cost Explorer; the nodes come from the Karpenter demo's cluster,
                        // so the cost demo needs the karpenter exporter enabled too
                        DemoModule.of(new CostModule(), (c, scenario, recorder) -> new CostDemo(scenario, recorder)),
                        // a real redis-server filled by a simulator; Redis calls are no AWS calls, nothing to record
                        DemoModule.of(
                                new SessionModule(),
                                (c, scenario, recorder) -> new SessionDemoSimulation(c, sessionLayout, scenario)))
                .stream()
                .collect(Collectors.toMap(
                        DemoModule::exporter, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
