package io.tierlens.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostConfigTest {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private CostConfig bind(String text, ConfigProblems problems) throws Exception {
        return new ConfigBinder(problems).bind(yaml.readTree(text), CostConfig.class, "exporters.cost");
    }

    @Test
    void defaults() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        CostConfig c = bind("{}", problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c.priceRefresh()).isEqualTo(Duration.ofHours(1));
        assertThat(c.costExplorer().enabled()).isFalse();
        assertThat(c.discounts().configured()).isFalse();
        assertThat(c.tierOf("web")).isEqualTo("web");
        assertThat(c.tierOf("default")).isEqualTo("shared");
    }

    @Test
    void aFullConfigBinds() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        CostConfig c = bind("""
                region: ap-northeast-2
                tiers: {frontend: web, backend: was}
                budgets: {total: 5000, web: 800}
                unit_prices: {nat_gateway_hour: 0.059}
                discounts:
                  pricing_model: savings_plan
                  factors: {nodes: 0.72, rds: 0.65}
                inventory:
                  nat_gateways: 3
                  load_balancers: [{name: web, lcus: 3.5}]
                  databases: [{name: app, instance_class: db.r6g.large, multi_az: true, storage_gb: 200}]
                  ebs_gb: {web: 100, was: 300}
                cost_explorer:
                  enabled: true
                  refresh: 12h
                  forecast_services: [Amazon Relational Database Service]
                """, problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c.tierOf("backend")).isEqualTo("was");
        assertThat(c.inventory().databases().get(0).engine()).isEqualTo("mysql");
        assertThat(c.inventory().loadBalancers().get(0).tier()).isEqualTo("web");
        assertThat(c.costExplorer().requestsPerRefresh()).isEqualTo(3);
    }

    @Test
    void costlyOrWrongSettingsAreRefusedWithTheirPaths() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("""
                tiers: {web: frontend}
                unit_prices: {lcu: 0.1}
                discounts: {pricing_model: savings_plan, factors: {nodes: 1.3, gpus: 0.5}}
                inventory: {databases: [{name: app, instance_class: r6g.large}], eks_version: latest, node_volume_gb: -1}
                cost_explorer: {enabled: true, refresh: 1h}
                tier_mapping: {namespaces: {shop: frontend}}
                nat_gateways: {fetch_interval: 90s}
                """, problems);

        assertThat(problems.errors())
                .extracting(ConfigError::path)
                .contains(
                        "exporters.cost.tiers.web",
                        "exporters.cost.unit_prices.lcu",
                        "exporters.cost.discounts.factors.nodes",
                        "exporters.cost.discounts.factors.gpus",
                        "exporters.cost.inventory.databases[0].instance_class",
                        "exporters.cost.inventory.eks_version",
                        "exporters.cost.inventory.node_volume_gb",
                        "exporters.cost.tier_mapping.namespaces.shop",
                        "exporters.cost.nat_gateways.fetch_interval",
                        "exporters.cost.cost_explorer.refresh");
    }
}
