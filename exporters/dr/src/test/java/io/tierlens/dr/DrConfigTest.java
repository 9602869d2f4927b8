package io.tierlens.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.dr.model.FailoverRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("dr", DrConfig.class), k -> null);

    private DrConfig load(String dr) throws ConfigException {
        return loader.loadText("t.yaml", "regions: [eu-west-1]\nexporters:\n  dr:\n" + dr.indent(4))
                .exporter("dr", DrConfig.class);
    }

    private List<String> errors(String dr) {
        try {
            load(dr);
            throw new AssertionError("expected errors");
        } catch (ConfigException e) {
            return e.lines();
        }
    }

    @Test
    void isOffByDefaultWithSensibleDefaults() throws Exception {
        DrConfig c = loader.loadText("t.yaml", "regions: [eu-west-1]").exporter("dr", DrConfig.class);

        assertThat(c.enabled()).isFalse();
        assertThat(c.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.dnsTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.resolver()).isEmpty();
    }

    @Test
    void bindsTheSeedProjectsSetup() throws Exception {
        DrConfig c = load("""
                enabled: true
                pushgateway: http://pushgateway.monitoring:9091
                resolver: 172.20.0.10
                sites:
                  - {name: aws, role: primary}
                  - {name: dr, role: secondary, rpo_target: 24h, rto_target: 3h, copy_job: db-dump-to-dr, drill_job: dr-drill}
                records:
                  - {name: Shop.Example.com., hosted_zone_id: /hostedzone/Z0123456789ABCDEFGHIJ}
                probes:
                  - {name: shop-primary, site: aws, url: "https://shop.example.com/health"}
                  - {name: maintenance, site: dr, url: "https://dr.example.net/", valid_status_codes: [503], body_regex: "(?i)maintenance"}
                """);

        assertThat(c.site(FailoverRole.SECONDARY).orElseThrow().rpoTarget()).isEqualTo(Duration.ofHours(24));
        assertThat(c.records().get(0).name()).isEqualTo("shop.example.com");
        assertThat(c.records().get(0).hostedZoneId()).isEqualTo("Z0123456789ABCDEFGHIJ");
        assertThat(c.records().get(0).type()).isEqualTo("A");
        assertThat(c.probes().get(1).statusOk(503)).isTrue();
        assertThat(c.probes().get(1).statusOk(200)).isFalse();
        assertThat(c.probes().get(0).statusOk(204)).isTrue();
    }

    @Test
    void namesEveryBadEntry() {
        List<String> errors = errors("""
                records:
                  - {name: shop.example.com, hosted_zone_id: shop, type: MX}
                probes:
                  - {name: p, site: dr, url: "ftp://x", body_regex: "(unclosed", valid_status_codes: [999]}
                """);

        assertThat(errors)
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.records[0].hosted_zone_id"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.records[0].type"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[0].url"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[0].body_regex"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[0].valid_status_codes[0]"));
    }

    @Test
    void namesEveryBadCombination() {
        List<String> errors = errors("""
                resolver: kube-dns.kube-system
                pushgateway: pushgateway:9091
                dns_timeout: 5m
                sites:
                  - {name: dr, role: secondary}
                  - {name: dr, role: secondary}
                probes:
                  - {name: p, site: nowhere, url: "https://x.example.com/", timeout: 2m}
                  - {name: p, site: dr, url: "https://y.example.com/"}
                """);

        assertThat(errors)
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.resolver").contains("IP address"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.pushgateway"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.dns_timeout"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.sites[1].name"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.sites[1].role"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[0].site"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[0].timeout"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.probes[1].name"));
    }

    @Test
    void evidenceJobsNeedAPushgateway() {
        assertThat(errors("sites:\n  - {name: dr, role: secondary, copy_job: dump}\n"))
                .anySatisfy(l -> assertThat(l).contains("exporters.dr.sites[0]").contains("pushgateway"));
    }

    @Test
    void aRoleMustBeKnown() {
        assertThatThrownBy(() -> load("sites:\n  - {name: dr, role: standby}\n"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).lines())
                        .anySatisfy(l -> assertThat(l).contains("exporters.dr.sites[0].role")));
    }

    @Test
    void bindsTheAzureSite() throws Exception {
        DrConfig c = load("""
                sites:
                  - {name: aws, role: primary}
                  - {name: azure, role: secondary, rpo_target: 24h}
                azure:
                  site: azure
                  resource_manager:
                    subscription_id: 8f3c2b1a-1111-2222-3333-444455556666
                    resource_group: shop-dr
                    virtual_machines: [shop-dr-web]
                  dumps:
                    - store: mysql
                      account_url: https://shopdr.blob.core.windows.net
                      container: dumps
                      prefix: mysql/
                      name_pattern: 'shop-\\d{8}\\.sql\\.gz'
                      retention: 14d
                """);

        assertThat(c.azure().enabled()).isTrue();
        assertThat(c.azure().auth().method()).isEqualTo(AzureAuthConfig.WORKLOAD_IDENTITY);
        assertThat(c.azure().resourceManager().endpoint()).isEqualTo("https://management.azure.com");
        assertThat(c.azure().dumps().get(0).retention()).isEqualTo(Duration.ofDays(14));
        assertThat(c.azure().dumps().get(0).comparePrevious()).isEqualTo(7);
        assertThat(c.azure()
                        .dumps()
                        .get(0)
                        .pattern()
                        .matcher("shop-20261205.sql.gz")
                        .matches())
                .isTrue();
    }

    @Test
    void theAzureSectionIsOffByDefault() throws Exception {
        assertThat(load("enabled: true").azure().enabled()).isFalse();
    }

    @Test
    void namesEachBadAzureSettingByItsPath() {
        List<String> errors = errors("""
                sites:
                  - {name: aws, role: primary}
                  - {name: dr, role: secondary}
                azure:
                  site: azure
                  auth: {method: password, authority_host: "http://login.example"}
                  resource_manager: {subscription_id: my-sub, endpoint: "http://management.example"}
                  dumps:
                    - {store: mysql, account_url: "http://shopdr.blob.core.windows.net", name_pattern: "shop-(", compare_previous: 0}
                    - {store: mysql, account_url: "https://x.blob.core.windows.net", container: c, account_key_file: /k}
                """);

        assertThat(String.join("\n", errors))
                .contains("exporters.dr.azure.auth.method")
                .contains("exporters.dr.azure.auth.authority_host")
                .contains("exporters.dr.azure.resource_manager.subscription_id")
                .contains("exporters.dr.azure.resource_manager.resource_group")
                .contains("exporters.dr.azure.resource_manager.endpoint")
                .contains("exporters.dr.azure.dumps[0].container")
                .contains("exporters.dr.azure.dumps[0].name_pattern")
                .contains("exporters.dr.azure.dumps[0].compare_previous")
                .contains("exporters.dr.azure.dumps[0].account_url")
                .contains("exporters.dr.azure.dumps[1].account_name");
    }

    @Test
    void anUnknownAzureSiteAndATwiceListedStoreAreNamed() {
        List<String> errors = errors("""
                sites:
                  - {name: aws, role: primary}
                  - {name: dr, role: secondary}
                azure:
                  site: azure
                  dumps:
                    - {store: mysql, account_url: "https://a.blob.core.windows.net", container: dumps}
                    - {store: mysql, account_url: "https://b.blob.core.windows.net", container: dumps}
                """);
        List<String> siteErrors = errors("""
                sites:
                  - {name: aws, role: primary}
                  - {name: dr, role: secondary}
                azure:
                  site: azure
                  dumps:
                    - {store: mysql, account_url: "https://a.blob.core.windows.net", container: dumps}
                """);

        assertThat(errors)
                .anyMatch(e -> e.contains("exporters.dr.azure.dumps[1].store: store \"mysql\" is listed twice"));
        assertThat(siteErrors).anyMatch(e -> e.contains("exporters.dr.azure.site: unknown site \"azure\""));
    }
}
