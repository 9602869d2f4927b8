package io.tierlens.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    @Test
    void relaunchesWhenTheUserChoseNoHeapOrCollector() {
        assertThat(Launcher.shouldRelaunch(List.of(), Map.of())).isTrue();
        assertThat(Launcher.shouldRelaunch(List.of("-Dfoo=bar", "-agentlib:jdwp=transport=dt_socket"), Map.of()))
                .isTrue();
        assertThat(Launcher.shouldRelaunch(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8")))
                .isTrue();
    }

    @Test
    void runsInProcessWhenTheUserChoseTheHeapOrTheCollector() {
        for (String flag : List.of(
                "-Xmx96m",
                "-Xms32m",
                "-Xmn10m",
                "-XX:MaxRAMPercentage=40",
                "-XX:InitialRAMPercentage=5",
                "-XX:MaxRAM=1g",
                "-XX:MaxHeapSize=100m",
                "-XX:+UseSerialGC",
                "-XX:+UseG1GC",
                "-XX:+UseZGC")) {
            assertThat(Launcher.shouldRelaunch(List.of("-Dx=1", flag), Map.of()))
                    .as(flag)
                    .isFalse();
        }
    }

    @Test
    void readsTheJavaOptionVariablesToo() {
        assertThat(Launcher.shouldRelaunch(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 -Xmx200m")))
                .isFalse();
        assertThat(Launcher.shouldRelaunch(List.of(), Map.of("JDK_JAVA_OPTIONS", " -XX:+UseParallelGC ")))
                .isFalse();
    }

    @Test
    void theVariableDisablesTheRelaunch() {
        assertThat(Launcher.shouldRelaunch(List.of(), Map.of(Launcher.NO_RELAUNCH, "1")))
                .isFalse();
    }

    @Test
    void aSwitchThatOnlyLooksLikeAHeapFlagIsNotOne() {
        assertThat(UserJvmFlags.isHeapOrGc("-XX:-UseCompressedOops")).isFalse();
        assertThat(UserJvmFlags.isHeapOrGc("-Xss512k")).isFalse();
        assertThat(UserJvmFlags.isHeapOrGc("-Dapp.-Xmx=1")).isFalse();
    }

    @Test
    void theHeapIsAShareOfTheMemoryLimitUpToTheCap() {
        JvmDefaults d = JvmDefaults.exporter();
        // a 256 MiB container: 40 % of it
        assertThat(d.maxHeapBytes(256 * MIB)).isEqualTo(256 * MIB / 100 * 40);
        assertThat(d.flags(256 * MIB)).contains("-Xmx102m", "-Xms32m");
        // a 24 GiB host: the cap, not 9.6 GiB
        assertThat(d.flags(24 * GIB)).contains("-Xmx256m");
        // never below the initial heap
        assertThat(d.maxHeapBytes(16 * MIB)).isEqualTo(32 * MIB);
        assertThat(d.withHeapCap(512 * MIB).flags(24 * GIB)).contains("-Xmx512m");
    }

    @Test
    void theDefaultsAreTheChartsCollectorAndLimits() {
        assertThat(JvmDefaults.exporter().flags(GIB))
                .contains(
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=96m",
                        "-XX:ReservedCodeCacheSize=32m",
                        "-XX:TieredStopAtLevel=1",
                        "-Xss512k",
                        "-XX:+ExitOnOutOfMemoryError");
        assertThatThrownBy(() -> new JvmDefaults(0, GIB, MIB, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChildIsTheSameJavaWithTheDefaultsTheUsersArgumentsAndTheMainClass() {
        List<String> cmd = Launcher.childCommand(
                "/opt/java/bin/java",
                List.of("-Xms32m", "-Xmx256m"),
                List.of("-Dtrace=1"),
                "/app/tierlens.jar",
                "io.tierlens.app.TierlensCli",
                new String[] {"run", "--config", "c.yaml"});
        assertThat(cmd)
                .containsExactly(
                        "/opt/java/bin/java",
                        "-Xms32m",
                        "-Xmx256m",
                        "-Dtrace=1",
                        "-cp",
                        "/app/tierlens.jar",
                        "io.tierlens.app.TierlensCli",
                        "run",
                        "--config",
                        "c.yaml");
    }
}
