package io.tierlens.session.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.session.FakeSessionStore;
import io.tierlens.session.model.SessionKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResumableScanTest {
    private final SessionKeys keys = new SessionKeys("spring:session");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    private FakeSessionStore storeWith(int sessions, String prefix) {
        FakeSessionStore store = new FakeSessionStore();
        for (int i = 0; i < sessions; i++) {
            store.put(keys.sessionKey(prefix + i), "h");
            store.put(keys.expiresKey(prefix + i), "");
            store.put("cache:item:" + prefix + i, "v");
        }
        store.put(keys.sortedSetKey(), new FakeSessionStore.ZSet(Map.of()));
        return store;
    }

    private ResumableScan scan(int reservoir) {
        return new ResumableScan(keys.sessionScanPattern(), keys::isSessionKey, 50, reservoir, new Random(1), clock);
    }

    private static Map<io.tierlens.session.client.RedisNode, String> run(String id) {
        return Map.of(FakeSessionStore.NODE, id);
    }

    @Test
    void countsOnlySessionHashesInOnePassWhenTheBudgetAllows() throws Exception {
        FakeSessionStore store = storeWith(120, "s");
        ResumableScan s = scan(10);
        ResumableScan.CycleResult r =
                s.advance(store, List.of(FakeSessionStore.NODE), run("r1"), unlimited(), Pacer.NONE, true);
        assertThat(r.completed()).isTrue();
        assertThat(r.unfinished()).isFalse();
        assertThat(s.lastCount()).hasValue(120);
        assertThat(s.lastCompletedAt()).contains(clock.instant());
        assertThat(s.sample()).hasSize(10).allMatch(keys::isSessionKey);
        assertThat(new HashSet<>(s.sample())).hasSize(10);
    }

    @Test
    void aPassThatRunsOutOfBudgetResumesAndPublishesOnlyWhenComplete() throws Exception {
        FakeSessionStore store = storeWith(300, "s");
        ResumableScan s = scan(0);
        int cycles = 0;
        ResumableScan.CycleResult r;
        do {
            r = s.advance(store, List.of(FakeSessionStore.NODE), run("r1"), keys(100), Pacer.NONE, true);
            cycles++;
            if (!r.completed()) {
                assertThat(r.unfinished()).isTrue();
                assertThat(s.lastCount()).as("no partial count is published").isEmpty();
            }
        } while (!r.completed() && cycles < 100);
        assertThat(cycles).isGreaterThan(1);
        assertThat(s.lastCount()).hasValue(300);
    }

    @Test
    void aRestartedServerStartsThePassOver() throws Exception {
        FakeSessionStore store = storeWith(300, "old");
        ResumableScan s = scan(0);
        s.advance(store, List.of(FakeSessionStore.NODE), run("r1"), keys(100), Pacer.NONE, true);
        assertThat(s.inProgress()).isTrue();
        // the server restarts with other data: the old cursor means nothing there
        store.clear();
        FakeSessionStore fresh = storeWith(40, "new");
        ResumableScan.CycleResult r;
        int cycles = 0;
        // not due for a new pass, but the old one was invalidated, not finished: it starts over at once
        do {
            r = s.advance(fresh, List.of(FakeSessionStore.NODE), run("r2"), keys(100), Pacer.NONE, false);
        } while (!r.completed() && ++cycles < 100);
        assertThat(s.lastCount()).hasValue(40);
    }

    @Test
    void doesNotStartAPassUnlessAllowed() throws Exception {
        FakeSessionStore store = storeWith(10, "s");
        ResumableScan s = scan(0);
        ResumableScan.CycleResult r =
                s.advance(store, List.of(FakeSessionStore.NODE), run("r1"), unlimited(), Pacer.NONE, false);
        assertThat(r.keysExamined()).isZero();
        assertThat(store.scanCalls.get()).isZero();
        assertThat(s.lastCount()).isEmpty();
    }

    @Test
    void pausesBetweenCallsButNotBeforeTheFirst() throws Exception {
        FakeSessionStore store = storeWith(100, "s");
        int[] pauses = {0};
        scan(0).advance(store, List.of(FakeSessionStore.NODE), run("r1"), unlimited(), () -> pauses[0]++, true);
        assertThat(pauses[0]).isEqualTo(store.scanCalls.get() - 1).isPositive();
    }

    @Test
    void theTimeBudgetStopsAPass() throws Exception {
        FakeSessionStore store = storeWith(100, "s");
        long[] nanos = {0};
        ScanBudget budget = ScanBudget.start(Duration.ofSeconds(1), Long.MAX_VALUE, () -> nanos[0]);
        ResumableScan s = scan(0);
        // every SCAN "takes" 400 ms
        ResumableScan.CycleResult r = s.advance(
                store, List.of(FakeSessionStore.NODE), run("r1"), budget, () -> nanos[0] += 400_000_000L, true);
        assertThat(r.unfinished()).isTrue();
        assertThat(store.scanCalls.get()).isEqualTo(3);
    }

    private static ScanBudget unlimited() {
        return ScanBudget.start(Duration.ofHours(1), Long.MAX_VALUE);
    }

    private static ScanBudget keys(long n) {
        return ScanBudget.start(Duration.ofHours(1), n);
    }
}
