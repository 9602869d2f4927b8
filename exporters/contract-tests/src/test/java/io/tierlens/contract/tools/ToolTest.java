package io.tierlens.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolTest {
    @TempDir
    Path dir;

    @Test
    void aMissingBinaryFailsWithTheCommandThatInstallsIt() {
        assertThatThrownBy(() -> Tool.PROMTOOL.locate(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promtool not found on the PATH")
                .hasMessageContaining("apt-get install -y prometheus");
        assertThatThrownBy(() -> Tool.AMTOOL.locate(""))
                .hasMessageContaining("apt-get install -y prometheus-alertmanager");
    }

    @Test
    void findsTheUpstreamAlertmanagerNameToo() throws IOException {
        Path binary = Files.createFile(
                dir.resolve("alertmanager"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(Tool.ALERTMANAGER.locate("/nonexistent:" + dir)).isEqualTo(binary);
    }

    @Test
    void theEndToEndBinariesSayWhichPackageInstallsThem() throws IOException {
        assertThatThrownBy(() -> Tool.PROMETHEUS.locate(dir.toString()))
                .hasMessageContaining("prometheus not found on the PATH")
                .hasMessageContaining("apt-get install -y prometheus");
        assertThatThrownBy(() -> Tool.PUSHGATEWAY.locate(dir.toString()))
                .hasMessageContaining("apt-get install -y prometheus-pushgateway");
        Path upstream = Files.createFile(
                dir.resolve("pushgateway"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(Tool.PUSHGATEWAY.locate(dir.toString())).isEqualTo(upstream);
    }
}
