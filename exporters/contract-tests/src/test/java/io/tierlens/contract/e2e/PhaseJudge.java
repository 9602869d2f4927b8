package io.tierlens.contract.e2e;

import io.tierlens.contract.e2e.PhaseObserver.Observation;
import io.tierlens.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Judges what the {@link PhaseObserver} saw against the {@link PhaseTable}: which observations a row applies to (its
 * phase, after it settled) and whether they show the row's value.
 */
final class PhaseJudge {
    private PhaseJudge() {}

    /** The outcome of a later stage (was-down, tierlens-stopped): rows that did not hold, alerts firing at the end. */
    record StageResult(
            List<String> wrong, Set<String> firing, Set<String> expectedAlerts, Duration after, List<String> log) {}

    /** Rows of the scenario stage (cycle windows, history, averaged, all) whose observations differ from the table. */
    static List<String> scenarioMismatches(
            PhaseTable phases, List<Observation> seen, Scenario scenario, Instant judgeFrom) {
        Instant historyUntil = DemoProcess.historyServedUntil(scenario.realStart());
        Instant averagedFrom = DemoProcess.averagedServedFrom(scenario.realStart());
        Map<String, Instant> firstData = new LinkedHashMap<>();
        seen.stream().filter(o -> !o.samples().isEmpty()).forEach(o -> firstData.putIfAbsent(o.where(), o.at()));
        List<String> wrong = new ArrayList<>();
        for (PhaseTable.PanelRow row : phases.panels()) {
            Duration settle = Duration.ofSeconds(row.settleSeconds());
            double settleMinutes = row.settleSeconds() * scenario.speed() / 60.0;
            Predicate<Observation> qualifies = switch (row.when().name()) {
                case "" ->
                    o -> o.stage().equals("scenario")
                            && !o.at().isBefore(judgeFrom)
                            && row.when().settledAt(PhaseObserver.cycleMinute(scenario, o.at()), settleMinutes);
                // before the first answer with data the exporter had not refreshed yet: "history" judges the calm
                // datapoints served, not the start-up
                case "history" ->
                    o -> o.stage().equals("scenario")
                            && firstData.containsKey(o.where())
                            && !o.at().isBefore(firstData.get(o.where()))
                            && o.at().isBefore(historyUntil);
                case "averaged" -> o -> o.stage().equals("scenario") && !o.at().isBefore(averagedFrom.plus(settle));
                case "all" -> o -> o.stage().equals("scenario") && !o.at().isBefore(judgeFrom);
                default -> null; // later stages, judged by awaitStage
            };
            if (qualifies == null) {
                continue;
            }
            List<String> m = PhaseObserver.judge(row, seen, scenario, qualifies);
            if (!m.isEmpty()) {
                wrong.add(row.describe() + ":\n      " + String.join("\n      ", m.subList(0, Math.min(5, m.size())))
                        + (m.size() > 5 ? "\n      … " + (m.size() - 5) + " more" : ""));
            }
        }
        return wrong;
    }

    /**
     * Waits until the newest observation of every row of {@code stage} (after its settle time) holds and the stage's
     * alerts fire, or {@code within} passed since the stage started.
     */
    static StageResult awaitStage(
            PhaseTable phases, PhaseObserver observer, Scenario scenario, String stage, Duration within)
            throws InterruptedException {
        Instant start = observer.stageStart(stage).orElseThrow();
        List<PhaseTable.PanelRow> rows = phases.panels().stream()
                .filter(r -> r.when().name().equals(stage))
                .toList();
        Set<String> expected = new TreeSet<>();
        phases.alerts().stream().filter(r -> r.when().name().equals(stage)).forEach(r -> expected.addAll(r.alerts()));
        if (rows.isEmpty()) {
            throw new IllegalStateException("the phase table has no panel row for " + stage);
        }
        List<String> log = new ArrayList<>();
        List<String> wrong;
        Set<String> firing;
        do {
            Thread.sleep(PhaseObserver.POLL.toMillis());
            List<Observation> seen = observer.observations();
            wrong = new ArrayList<>();
            for (PhaseTable.PanelRow row : rows) {
                Instant settled = start.plusSeconds(row.settleSeconds());
                List<Observation> latest = seen.stream()
                        .filter(o ->
                                o.where().equals(row.where()) && o.stage().equals(stage) && !o.at().isBefore(settled))
                        .reduce((a, b) -> b)
                        .map(List::of)
                        .orElse(List.of());
                List<String> m = PhaseObserver.judge(row, latest, scenario, o -> true);
                if (!m.isEmpty()) {
                    wrong.add(row.describe() + ": " + m.get(0));
                }
            }
            List<PhaseObserver.Firing> f = observer.firing();
            firing = f.isEmpty() ? Set.of() : f.get(f.size() - 1).alerts();
        } while ((!wrong.isEmpty() || !firing.containsAll(expected))
                && Duration.between(start, Instant.now()).compareTo(within) < 0);
        wrong.forEach(w -> log.add(stage + ": " + w));
        return new StageResult(wrong, firing, expected, Duration.between(start, Instant.now()), log);
    }
}
