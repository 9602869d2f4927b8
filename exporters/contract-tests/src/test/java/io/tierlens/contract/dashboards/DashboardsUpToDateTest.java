package io.tierlens.contract.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed dashboards are exactly what the generator writes. To regenerate after changing a definition:
 * {@code mvn -o test -pl exporters/contract-tests -Dtest=DashboardsUpToDateTest -Dtierlens.dashboards.write=true}.
 */
class DashboardsUpToDateTest {
    private final Path dir = DashboardFiles.dir(RepoRoot.get());

    @Test
    void committedDashboardsAreTheGeneratedOnes() throws IOException {
        if (Boolean.getBoolean("tierlens.dashboards.write")) {
            GenerateDashboards.writeTo(dir);
        }
        Map<String, String> generated = GenerateDashboards.render();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .as("dashboard files in %s", dir)
                    .containsExactlyInAnyOrderElementsOf(generated.keySet());
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey())))
                    .as(
                            "%s is stale: regenerate with -Dtest=DashboardsUpToDateTest -Dtierlens.dashboards.write=true",
                            file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void theNineDashboardsOfTheIssue() {
        assertThat(GenerateDashboards.render().keySet())
                .containsExactly(
                        "001-system-overview.json",
                        "002-aws-infrastructure.json",
                        "003-jvm.json",
                        "004-karpenter.json",
                        "005-cost.json",
                        "006-dr-status.json",
                        "007-session.json",
                        "009-rds-backup.json",
                        "010-pushgateway-batch-jobs.json");
    }
}
