package io.tierlens.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.demo.fault.DemoFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DemoApiClientsTest {
    private static final AwsTarget EU = AwsTarget.defaultCredentials("123456789012", "eu-west-1");

    private final DemoApiClients clients = new DemoApiClients();

    @Test
    void answersWithTheSimulationOncePerTargetAndNeverCallsTheLiveFactory() {
        AtomicInteger built = new AtomicInteger();
        clients.register(CloudWatchApi.class, t -> {
            built.incrementAndGet();
            // captures its target, as a real simulation does (a non-capturing lambda is one shared instance)
            return (queries, start, end) -> Map.of(t.region(), List.of());
        });

        CloudWatchApi first = clients.get(CloudWatchApi.class, EU, t -> {
            throw new AssertionError("the demo must not build real clients");
        });
        CloudWatchApi again = clients.get(CloudWatchApi.class, EU, t -> null);
        CloudWatchApi us = clients.get(CloudWatchApi.class, EU.inRegion("us-east-1"), t -> null);

        assertThat(again).isSameAs(first);
        assertThat(us).isNotSameAs(first);
        assertThat(built).hasValue(2);
        assertThat(first.getMetricData(List.of(), null, null)).containsOnlyKeys("eu-west-1");
    }

    @Test
    void anInterfaceNobodySimulatesIsAProgrammingError() {
        assertThatThrownBy(() -> clients.get(Runnable.class, EU, t -> () -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Runnable");
        assertThatThrownBy(clients::factory).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awsTakenAwayMakesEveryAwsCallFailAsUnreachableAndOtherClientsKeepWorking() {
        DemoFaults faults = new DemoFaults();
        DemoApiClients withFaults = new DemoApiClients(Duration.ZERO, faults);
        withFaults.registerAws(CloudWatchApi.class, t -> (queries, start, end) -> Map.of("ok", List.of()));
        withFaults.register(Supplier.class, t -> () -> "redis");
        CloudWatchApi cloudWatch = withFaults.get(CloudWatchApi.class, EU, t -> null);
        Supplier<?> other = withFaults.get(Supplier.class, EU, t -> null);

        faults.setDown(Set.of(DemoFaults.Source.AWS));
        assertThatThrownBy(() -> cloudWatch.getMetricData(List.of(), null, null))
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.UNREACHABLE))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(other.get()).isEqualTo("redis");

        faults.setDown(Set.of());
        assertThat(cloudWatch.getMetricData(List.of(), null, null)).containsOnlyKeys("ok");
    }
}
