package io.tierlens.contract.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The rule files of {@code alerts/}: one {@code <area>.rules.yaml} per area, tests in {@code alerts/tests/}. */
public final class RuleFiles {
    public static final List<String> AREAS =
            List.of("alb", "rds", "backup", "dr", "karpenter", "cost", "session", "job", "exporter", "was");

    private RuleFiles() {}

    public static Path alertsDir(Path root) {
        return root.resolve("alerts");
    }

    public static List<Path> ruleFiles(Path root) {
        return list(alertsDir(root), ".rules.yaml");
    }

    public static List<Path> testFiles(Path root) {
        return list(alertsDir(root).resolve("tests"), ".test.yaml");
    }

    public static List<RuleFile> readAll(Path root) {
        return ruleFiles(root).stream().map(RuleFile::read).toList();
    }

    /** "alb" for alerts/alb.rules.yaml, "dr" for alerts/dr-site.rules.yaml. */
    public static String area(Path ruleFile) {
        String name = ruleFile.getFileName().toString();
        // cost-bill.rules.yaml belongs to the cost area: a second file of an area is named <area>-<topic>
        String stem = name.substring(0, name.indexOf('.'));
        return stem.contains("-") ? stem.substring(0, stem.indexOf('-')) : stem;
    }

    /** The file name before {@code .rules.yaml}: its promtool test is {@code tests/<stem>.test.yaml}. */
    public static String stem(Path ruleFile) {
        String name = ruleFile.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    /** The alert name prefix of an area: "TierlensAlb" for alb, "TierlensDr" for dr (both dr files). */
    public static String prefix(String area) {
        String exporter = exporter(area);
        return "Tierlens" + Character.toUpperCase(exporter.charAt(0)) + exporter.substring(1);
    }

    /** The exporter an area's alerts are about: the area itself ("dr" for both dr files). */
    public static String exporter(String area) {
        return area;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
