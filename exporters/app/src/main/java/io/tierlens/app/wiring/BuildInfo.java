package io.tierlens.app.wiring;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code tierlens_build_info{version, revision, java_version, mode}}: version and revision come from the jar
 * (filtered at build time), mode says whether the data is real ({@code live}) or simulated ({@code demo}).
 */
public record BuildInfo(String version, String revision, String javaVersion) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/tierlens-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the properties still runs; the labels say "unknown"
        }
        return new BuildInfo(
                clean(p.getProperty("version")), clean(p.getProperty("revision")), System.getProperty("java.version"));
    }

    private static String clean(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }

    public MultiCollector collector(String mode) {
        MetricSnapshots snapshots = MetricSnapshots.of(FamilyBuilder.info(
                        "tierlens_build_info",
                        "tierlens build and run mode; mode=demo means every AWS/Kubernetes/Redis value is simulated.",
                        "version",
                        "revision",
                        "java_version",
                        "mode")
                .addInfo(version, revision, javaVersion, mode)
                .build());
        return () -> snapshots;
    }
}
