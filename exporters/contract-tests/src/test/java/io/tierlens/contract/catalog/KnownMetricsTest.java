package io.tierlens.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * dashboards/known-metrics.txt is the committed copy of the metric contract. Where the contract itself is
 * available (../shared/design/METRICS.md from the repository root, or -Dtierlens.metrics.contract), both must
 * name the same metrics with the same types.
 */
class KnownMetricsTest {
    private final Path root = RepoRoot.get();
    private final Map<String, MetricType> known = MetricCatalog.readKnown(root.resolve(MetricCatalog.KNOWN_FILE));

    @Test
    void everyKnownNameFollowsTheNamingRules() {
        assertThat(known).isNotEmpty();
        known.forEach((name, type) -> {
            assertThat(name).as("metric name").matches("tierlens_[a-z0-9_]+");
            assertThat(name.endsWith("_total"))
                    .as("%s: _total only and always on counters", name)
                    .isEqualTo(type == MetricType.COUNTER);
        });
    }

    @Test
    void equalsTheNamesOfTheMetricContract() throws IOException {
        Optional<Path> contractFile = contractFile();
        Assumptions.assumeTrue(
                contractFile.isPresent(),
                "METRICS.md not found (../shared/design/METRICS.md or -Dtierlens.metrics.contract)");
        MetricsContract contract = MetricsContract.parse(Files.readString(contractFile.get()));

        List<String> problems = new ArrayList<>();
        contract.explicit().forEach((name, type) -> {
            if (!known.containsKey(name)) {
                problems.add(name + " is in METRICS.md but not in " + MetricCatalog.KNOWN_FILE);
            } else if (known.get(name) != type) {
                problems.add(name + " is a " + type.id() + " in METRICS.md but a "
                        + known.get(name).id() + " here");
            }
        });
        Set<String> abbreviated = new HashSet<>();
        contract.elisions().forEach((elision, type) -> {
            Optional<String> name = elision.resolve(known.keySet());
            if (name.isEmpty()) {
                problems.add("…" + elision.suffix() + " (after " + elision.firstName() + ") is in METRICS.md but no"
                        + " sibling of that name is in " + MetricCatalog.KNOWN_FILE);
            } else if (known.get(name.get()) != type) {
                problems.add(name.get() + " is a " + type.id() + " in METRICS.md but a "
                        + known.get(name.get()).id() + " here");
            } else {
                abbreviated.add(name.get());
            }
        });
        for (String name : known.keySet()) {
            if (!contract.explicit().containsKey(name) && !abbreviated.contains(name)) {
                problems.add(name + " is in " + MetricCatalog.KNOWN_FILE + " but not in METRICS.md");
            }
        }
        assertThat(problems)
                .as("known-metrics.txt against " + contractFile.get())
                .isEmpty();
    }

    private Optional<Path> contractFile() {
        return Stream.of(
                        Optional.ofNullable(System.getProperty("tierlens.metrics.contract"))
                                .map(Path::of),
                        Optional.of(root.resolve("../shared/design/METRICS.md")))
                .flatMap(Optional::stream)
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
