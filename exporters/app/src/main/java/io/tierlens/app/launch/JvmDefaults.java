package io.tierlens.app.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags tierlens runs with when the user gave none (bench/RESULTS.md "Memory however it is launched").
 * The heap is a share of the memory the JVM sees (the container's limit in a container, else the host's RAM),
 * capped: on a 24 GiB laptop the JVM's own default would allow a 6 GiB heap and start at 384 MiB.
 *
 * @param heapPercent share of the memory limit the heap may use, as {@code -XX:MaxRAMPercentage}
 * @param heapCapBytes the largest heap whatever the memory limit
 * @param initialHeapBytes {@code -Xms}: small, so the heap grows only as far as the live data needs
 * @param otherFlags GC, metaspace, code cache, JIT and thread stack flags
 */
public record JvmDefaults(int heapPercent, long heapCapBytes, long initialHeapBytes, List<String> otherFlags) {
    private static final long MIB = 1024L * 1024L;

    public JvmDefaults {
        if (heapPercent < 1 || heapPercent > 90) {
            throw new IllegalArgumentException("heapPercent must be 1..90: " + heapPercent);
        }
        otherFlags = List.copyOf(otherFlags);
    }

    /** What the production exporter needs: the chart's flags, with the heap from the memory limit. */
    public static JvmDefaults exporter() {
        return new JvmDefaults(
                40,
                256 * MIB,
                32 * MIB,
                List.of(
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=96m",
                        "-XX:ReservedCodeCacheSize=32m",
                        // C1 only: C2 compile threads stretch startup on small CPUs; scrapes copy bytes
                        "-XX:TieredStopAtLevel=1",
                        "-Xss512k",
                        "-XX:+ExitOnOutOfMemoryError"));
    }

    /** Same flags with another heap cap (the demo simulates AWS and Kubernetes in the same process). */
    public JvmDefaults withHeapCap(long bytes) {
        return new JvmDefaults(heapPercent, bytes, initialHeapBytes, otherFlags);
    }

    /** The heap ceiling for a JVM that sees {@code memoryLimitBytes}: the share, at most the cap. */
    public long maxHeapBytes(long memoryLimitBytes) {
        long share = memoryLimitBytes / 100 * heapPercent;
        return Math.max(initialHeapBytes, Math.min(share, heapCapBytes));
    }

    /** The flags for a JVM that sees {@code memoryLimitBytes} of memory. */
    public List<String> flags(long memoryLimitBytes) {
        List<String> out = new ArrayList<>();
        out.add("-Xms" + initialHeapBytes / MIB + "m");
        out.add("-Xmx" + maxHeapBytes(memoryLimitBytes) / MIB + "m");
        out.addAll(otherFlags);
        return out;
    }
}
