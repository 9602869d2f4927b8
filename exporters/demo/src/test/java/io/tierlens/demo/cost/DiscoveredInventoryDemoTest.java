package io.tierlens.demo.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.RuntimeEnvironment;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.Scraped;
import io.tierlens.demo.DemoEnvironmentFactory;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.cli.DemoConfig;
import io.tierlens.demo.fault.DemoFaults;
import io.tierlens.demo.session.SessionLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The demo's embedded configuration has an empty inventory: every component is priced from what the ALB and RDS
 * exporters and NAT gateway discovery find in ap-northeast-2, at unit prices the (simulated) Pricing API answers.
 */
class DiscoveredInventoryDemoTest {
    private static final Set<String> USED = Set.of("alb", "rds", "karpenter", "cost");

    @SuppressWarnings({"unchecked", "rawtypes"}) // each module gets the settings of its own section
    private static Exporter create(ExporterModule module, LoadedConfig config, RuntimeEnvironment rt) {
        return module.create(config.exporters().get(module.name()), rt.env());
    }

    @Test
    void anEmptyInventoryPricesEveryComponentFromDiscoveredDataInItsOwnRegion() throws Exception {
        List<ExporterModule<?>> all = Modules.all();
        // the embedded demo.yaml as the demo loads it (its DR targets scaled to the scenario's speed)
        LoadedConfig config = DemoConfig.load(all, 30);
        List<ExporterModule<?>> used =
                all.stream().filter(m -> USED.contains(m.name())).toList();
        Scenario scenario = Scenario.startingNow(Clock.systemUTC(), 30, 1);
        SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
        DemoEnvironmentFactory factory = new DemoEnvironmentFactory(
                Clock.systemUTC(),
                scenario,
                used,
                DemoModules.all(SessionLayout.INDEXED),
                Duration.ZERO,
                new DemoFaults());
        try (RuntimeEnvironment rt = factory.create(config, self)) {
            List<Exporter> exporters = new ArrayList<>();
            for (String name : List.of("alb", "rds", "cost")) {
                exporters.add(create(
                        used.stream()
                                .filter(m -> m.name().equals(name))
                                .findFirst()
                                .orElseThrow(),
                        config,
                        rt));
            }
            AtomicReference<RefreshResult> cost = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                exporters.get(0).refresh();
                exporters.get(1).refresh();
                cost.set(exporters.get(2).refresh());
                for (String[] c :
                        new String[][] {{"alb", "web"}, {"rds", "db"}, {"nat_gateway", "shared"}, {"nodes", "web"}}) {
                    assertThat(Scraped.value(
                                    cost.get().data(),
                                    "tierlens_cost_hourly_by_source_usd",
                                    "component",
                                    c[0],
                                    "tier",
                                    c[1],
                                    "source",
                                    "discovered"))
                            .as("%s/%s discovered", c[0], c[1])
                            .isPresent();
                }
            });
            RefreshResult r = cost.get();
            MetricSnapshot unit = r.data().stream()
                    .filter(s -> s.getMetadata().getPrometheusName().equals("tierlens_cost_unit_price_usd"))
                    .findFirst()
                    .orElseThrow();
            assertThat(unit.getDataPoints())
                    .allSatisfy(
                            d -> assertThat(d.getLabels().get("pricing_source")).isEqualTo("ondemand_list"));
            assertThat(Scraped.value(
                            r.data(),
                            "tierlens_cost_unit_price_usd",
                            "component",
                            "nat_gateway",
                            "unit",
                            "hour",
                            "pricing_source",
                            "ondemand_list"))
                    .hasValue(0.059);
            assertThat(Scraped.value(
                            r.data(),
                            "tierlens_cost_hourly_by_source_usd",
                            "component",
                            "eks_control_plane",
                            "tier",
                            "shared",
                            "source",
                            "configured"))
                    .hasValue(0.10);
            // the figure docs/exporters/cost.md quotes
            double hourly = r.data().stream()
                    .filter(s -> s.getMetadata().getPrometheusName().equals("tierlens_cost_hourly_usd"))
                    .flatMap(s -> ((GaugeSnapshot) s).getDataPoints().stream())
                    .mapToDouble(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
                    .sum();
            System.out.printf(Locale.ROOT, "demo bill: %.4f USD/h, %.0f USD/month (730 h)%n", hourly, hourly * 730);
            r.data().stream()
                    .filter(s -> s.getMetadata().getPrometheusName().equals("tierlens_cost_hourly_usd"))
                    .flatMap(s -> ((GaugeSnapshot) s).getDataPoints().stream())
                    .forEach(d -> System.out.printf(
                            Locale.ROOT,
                            "  %-18s %-7s %.4f USD/h %8.2f USD/month%n",
                            d.getLabels().get("component"),
                            d.getLabels().get("tier"),
                            d.getValue(),
                            d.getValue() * 730));
            assertThat(hourly).isPositive();
        }
    }
}
