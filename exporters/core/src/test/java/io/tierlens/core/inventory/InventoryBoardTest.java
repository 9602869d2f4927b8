package io.tierlens.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InventoryBoardTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static DiscoveredLoadBalancer lb(String name, double lcus) {
        return new DiscoveredLoadBalancer(name, "internet-facing", "", Optional.of(lcus), Map.of());
    }

    @Test
    void aPublicationReplacesTheTargetsPreviousListAndKeepsOtherTargets() {
        InventoryBoard board = new InventoryBoard();
        board.publish(DiscoveredLoadBalancer.class, new Published<>("1/eu-west-1", List.of(lb("a", 1)), T0));
        board.publish(DiscoveredLoadBalancer.class, new Published<>("1/ap-northeast-2", List.of(lb("b", 2)), T0));
        board.publish(
                DiscoveredLoadBalancer.class, new Published<>("1/eu-west-1", List.of(lb("c", 3)), T0.plusSeconds(60)));

        List<Published<DiscoveredLoadBalancer>> read = board.read(DiscoveredLoadBalancer.class);

        assertThat(read).extracting(Published::target).containsExactly("1/ap-northeast-2", "1/eu-west-1");
        assertThat(read.get(1).items()).extracting(DiscoveredLoadBalancer::name).containsExactly("c");
        assertThat(read.get(1).age(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void kindsAreKeptApartAndAnUnpublishedKindReadsEmpty() {
        InventoryBoard board = new InventoryBoard();
        board.publish(DiscoveredLoadBalancer.class, new Published<>("t", List.of(lb("a", 1)), T0));
        assertThat(board.read(DiscoveredDatabase.class)).isEmpty();
    }

    @Test
    void theLastGoodListStaysWithItsAgeWhenThePublisherStops() {
        InventoryBoard board = new InventoryBoard();
        board.publish(DiscoveredLoadBalancer.class, new Published<>("t", List.of(lb("a", 1)), T0));
        assertThat(board.read(DiscoveredLoadBalancer.class).get(0).age(T0.plus(Duration.ofHours(2))))
                .isEqualTo(Duration.ofHours(2));
        // a clock that went back does not make a negative age
        assertThat(board.read(DiscoveredLoadBalancer.class).get(0).age(T0.minusSeconds(5)))
                .isZero();
    }

    @Test
    void readersNeverSeeHalfAListWhilePublishersWrite() throws Exception {
        InventoryBoard board = new InventoryBoard();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String target = "t" + w;
            running.add(pool.submit(() -> {
                start.await();
                for (int i = 1; i <= 2_000; i++) {
                    List<DiscoveredLoadBalancer> items = new ArrayList<>();
                    for (int k = 0; k < 10; k++) {
                        items.add(lb("lb" + k, i));
                    }
                    board.publish(DiscoveredLoadBalancer.class, new Published<>(target, items, T0.plusSeconds(i)));
                }
                return null;
            }));
        }
        List<String> torn = new ArrayList<>();
        running.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 2_000; i++) {
                for (Published<DiscoveredLoadBalancer> p : board.read(DiscoveredLoadBalancer.class)) {
                    long distinct = p.items().stream()
                            .map(DiscoveredLoadBalancer::consumedLcus)
                            .distinct()
                            .count();
                    if (p.items().size() != 10 || distinct != 1) {
                        torn.add(p.target());
                    }
                }
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(torn).isEmpty();
        assertThat(board.read(DiscoveredLoadBalancer.class))
                .allSatisfy(p -> assertThat(p.at()).isEqualTo(T0.plusSeconds(2_000)));
    }
}
