package io.tierlens.rds.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Memory per DB instance class (the bundled table {@code instance-class-memory.csv}, from the RDS "hardware
 * specifications for DB instance classes" tables) and the estimate of {@code DBInstanceClassMemory} the
 * parameter formulas use.
 *
 * <p>AWS defines {@code DBInstanceClassMemory} as the class's memory minus what the operating system and the RDS
 * processes that manage the instance reserve, and does not publish the reserve. The estimate here is
 * {@code memory − (232 MiB + 18.4 MiB per GiB of memory)}, a least-squares fit to the published MySQL defaults
 * of twelve classes ({@code {DBInstanceClassMemory/12582880}} = 66 on db.t2.micro … 2540 on db.r3.xlarge); it
 * reproduces all twelve within ±4 connections. See docs/exporters/rds.md.
 */
public final class InstanceClassMemory {
    static final long MIB = 1024L * 1024L;
    static final long GIB = 1024L * MIB;
    static final double RESERVE_BASE_MIB = 232;
    static final double RESERVE_MIB_PER_GIB = 18.4;

    private final Map<String, Double> gibByClass;

    InstanceClassMemory(Map<String, Double> gibByClass) {
        this.gibByClass = Map.copyOf(gibByClass);
    }

    /** The bundled table. */
    public static InstanceClassMemory bundled() {
        try (InputStream in =
                InstanceClassMemory.class.getResourceAsStream("/io/tierlens/rds/instance-class-memory.csv")) {
            if (in == null) {
                throw new IllegalStateException("instance-class-memory.csv is missing from the jar");
            }
            return new InstanceClassMemory(
                    parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Double> parse(BufferedReader reader) throws IOException {
        Map<String, Double> out = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split(",");
            if (parts.length != 2) {
                throw new IllegalStateException("bad line in instance-class-memory.csv: " + l);
            }
            out.put(parts[0].strip(), Double.valueOf(parts[1].strip()));
        }
        return out;
    }

    /** Memory of the class in GiB, if the table knows it. */
    public OptionalDouble memoryGib(String instanceClass) {
        Double gib = gibByClass.get(instanceClass);
        return gib == null ? OptionalDouble.empty() : OptionalDouble.of(gib);
    }

    /** The estimated {@code DBInstanceClassMemory} in bytes, if the class is known. */
    public OptionalLong dbInstanceClassMemory(String instanceClass) {
        OptionalDouble gib = memoryGib(instanceClass);
        if (gib.isEmpty()) {
            return OptionalLong.empty();
        }
        double g = gib.getAsDouble();
        double reserveMib = RESERVE_BASE_MIB + RESERVE_MIB_PER_GIB * g;
        return OptionalLong.of((long) (g * GIB - reserveMib * MIB));
    }

    public int size() {
        return gibByClass.size();
    }
}
