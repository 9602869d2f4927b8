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
        // Documented renames (dashboards/contract-deviations.txt) are applied to the contract text first.
        String text = Files.readString(contractFile.get());
        for (String[] d : deviations()) {
            text = text.replace(d[0], d[1]);
        }
        MetricsContract contract = MetricsContract.parse(text);

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

    @Test
    void everyContractAdditionIsDocumentedAndNotInTheContract() throws IOException {
        Map<String, MetricType> additions = MetricCatalog.readKnown(root.resolve(MetricCatalog.ADDITIONS_FILE));
        assertThat(additions).isNotEmpty();
        StringBuilder docs = new StringBuilder();
        try (Stream<Path> pages = Files.list(root.resolve("docs/exporters"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                docs.append(Files.readString(page));
            }
        }
        Optional<String> contract = contractFile().map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        additions.forEach((name, type) -> {
            assertThat(name).as("metric name").matches("tierlens_[a-z0-9_]+");
            assertThat(name.endsWith("_total"))
                    .as("%s: _total only on counters", name)
                    .isEqualTo(type == MetricType.COUNTER);
            assertThat(known).as("%s is either known or an addition", name).doesNotContainKey(name);
            assertThat(docs.toString()).as("docs/exporters/ document %s", name).contains(name);
            contract.ifPresent(text -> assertThat(text)
                    .as("%s is in METRICS.md: move it to %s", name, MetricCatalog.KNOWN_FILE)
                    .doesNotContain("`" + name + "`"));
        });
    }

    @Test
    void everyDeviationFromTheContractNamesItsReplacementAndReason() throws IOException {
        for (String[] d : deviations()) {
            assertThat(d)
                    .as("deviation line needs <contract name> <exported name> <reason>")
                    .hasSize(3);
            assertThat(known).as("the exported name of a deviation is known").containsKey(d[1]);
            assertThat(known).as("the replaced contract name is not used").doesNotContainKey(d[0]);
        }
    }

    private List<String[]> deviations() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("dashboards/contract-deviations.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.trim().split("\\s+", 3));
            }
        }
        return out;
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
