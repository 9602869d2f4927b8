package io.tierlens.app.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tierlens.app.wiring.LiveEnvironmentFactory;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.TierlensProcess;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.RedisServerProcess;
import io.tierlens.kubernetes.mock.MockKubernetesApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's acceptance: two tierlens processes in one JVM, each with its own AWS fake (WireMock) and its own
 * connection to fabric8's mock API server in CRUD mode, sharing one real Redis. One leads; only its AWS fake sees
 * calls; the standby serves {@code tierlens_leader{shard="0"} 0} and no exporter data. Cutting the leader off the
 * API server (a network partition: its renewals stop) makes it stop within the renew deadline and moves the work to
 * the other within the lease duration; at no moment do both work.
 */
class LeaderElectionTest {
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(500);

    private static final String YAML = """
            regions: [eu-west-1]
            server: {host: 127.0.0.1, port: 0}
            ha:
              enabled: true
              lease_namespace: tierlens
              lease_duration: 4s
              renew_deadline: 2s
              retry_period: 500ms
            aws:
              endpoint: %s
              account_id: "111122223333"
              max_attempts: 1
              attempt_timeout: 2s
              call_timeout: 5s
            exporters:
              rds: {enabled: false}
              backup: {enabled: false}
              cost: {enabled: false}
              karpenter: {enabled: false}
              session:
                refresh: 1s
                scan: {time_budget: 500ms}
                redis: {address: "127.0.0.1:%d"}
            """;

    private final ConfigLoader loader = new ConfigLoader(Modules.configTypes(Modules.all()), n -> null);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    /** One replica: its process, its AWS fake and its road to the API server. */
    private record Replica(String name, TierlensProcess process, AwsWireMock aws, CuttableProxy road) {}

    private Replica start(String name, MockKubernetesApi api, RedisServerProcess redis) throws Exception {
        AwsWireMock aws = new AwsWireMock(1);
        CuttableProxy road = new CuttableProxy(api.port());
        open.add(aws);
        open.add(road);
        String yaml = YAML.formatted(aws.server.baseUrl(), redis.port());
        TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
            @Override
            public LoadedConfig load() throws ConfigException {
                return loader.loadText(name + ".yaml", yaml);
            }

            @Override
            public boolean reloadable() {
                return true;
            }
        };
        Coordination coordination = new Coordination(null, () -> client(road.port()), Map.of("POD_NAME", name)::get);
        TierlensProcess p = TierlensProcess.start(
                Modules.all(),
                new LiveEnvironmentFactory(Clock.systemUTC()),
                source,
                Clock.systemUTC(),
                null,
                null,
                coordination);
        open.add(p);
        return new Replica(name, p, aws, road);
    }

    /** Fails fast like the production client: a short timeout, no retries of its own. */
    private static KubernetesClient client(int port) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + port)
                        .withNamespace("tierlens")
                        .withRequestTimeout(1000)
                        .withConnectionTimeout(1000)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    private String metrics(Replica r) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + r.process().port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void oneLeaderWorksTheStandbyServesOnlyItselfAndTheWorkMovesWhenTheLeaderIsCutOff() throws Exception {
        try (MockKubernetesApi api = MockKubernetesApi.start(List.of());
                RedisServerProcess redis = RedisServerProcess.start()) {
            Replica a = start("tierlens-0", api, redis);
            Replica b = start("tierlens-1", api, redis);
            AtomicBoolean bothWorked = new AtomicBoolean();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    if (a.process().leads() && b.process().leads()) {
                        bothWorked.set(true);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.setDaemon(true);
            open.add(() -> watching.set(false));
            watcher.start();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> a.process().leads() ^ b.process().leads());
            Replica leader = a.process().leads() ? a : b;
            Replica standby = leader == a ? b : a;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(metrics(leader))
                        .contains("tierlens_leader{shard=\"0\"} 1.0")
                        .contains("tierlens_session_active{")
                        .contains("tierlens_target_up{");
                // the first SDK client takes a few seconds to build on a busy machine
                assertThat(leader.aws().requests()).isNotEmpty();
            });
            String standbyMetrics = metrics(standby);
            assertThat(standbyMetrics)
                    .contains("tierlens_leader{shard=\"0\"} 0.0")
                    .contains("tierlens_build_info{")
                    .contains("jvm_memory_used_bytes")
                    .doesNotContain("tierlens_session_")
                    .doesNotContain("tierlens_alb_")
                    .doesNotContain("tierlens_target_up")
                    .doesNotContain("tierlens_exporter_up");
            assertThat(standby.aws().requests()).as("the standby's AWS fake").isEmpty();
            try (KubernetesClient k = api.client()) {
                Lease lease =
                        k.leases().inNamespace("tierlens").withName("tierlens").get();
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader.name());
            }

            long cutAt = System.nanoTime();
            leader.road().cut();
            await().atMost(RENEW_DEADLINE.plusSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !leader.process().leads());
            Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - cutAt);
            await().atMost(LEASE.plus(RETRY.multipliedBy(3)).plusSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> standby.process().leads());
            Duration movedAfter = Duration.ofNanos(System.nanoTime() - cutAt);
            // The new leader refreshes at once: its data is there within the lease duration plus one refresh.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(metrics(standby))
                            .contains("tierlens_leader{shard=\"0\"} 1.0")
                            .contains("tierlens_session_active{"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(standby.aws().requests()).isNotEmpty());
            String former = metrics(leader);
            assertThat(former)
                    .contains("tierlens_leader{shard=\"0\"} 0.0")
                    .doesNotContain("tierlens_session_active")
                    .doesNotContain("tierlens_target_up")
                    .containsPattern(
                            "tierlens_leader_lease_errors_total\\{operation=\"(get|update)\",reason=\"unreachable\","
                                    + "shard=\"0\"} [1-9]");
            // started and stopped as often (a busy machine may add a blip of a missed renewal): even, at least 2
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "tierlens_leader_transitions_total\\{shard=\"0\"} ([0-9.]+)")
                    .matcher(former);
            assertThat(m.find()).isTrue();
            double transitions = Double.parseDouble(m.group(1));
            assertThat(transitions % 2).isZero();
            assertThat(transitions).isGreaterThanOrEqualTo(2);
            // The chart's Role grants get, create and update on leases: a renewal must be a PUT, never a PATCH.
            List<String> leaseRequests = api.takeRequests().stream()
                    .filter(r -> r.contains("/leases"))
                    .toList();
            assertThat(leaseRequests).anyMatch(r -> r.startsWith("PUT ")).noneMatch(r -> r.startsWith("PATCH "));
            int formerCalls = leader.aws().requests().size();
            Thread.sleep(2_000);
            assertThat(leader.aws().requests())
                    .as("the former leader's AWS fake")
                    .hasSize(formerCalls);
            watching.set(false);
            watcher.join();
            assertThat(bothWorked).as("both replicas worked at the same moment").isFalse();
            System.out.printf(
                    "HA: the cut-off leader stopped after %d ms, the standby took over after %d ms;"
                            + " former leader's transitions %.0f%n",
                    stoppedAfter.toMillis(), movedAfter.toMillis(), transitions);
        }
    }
}
