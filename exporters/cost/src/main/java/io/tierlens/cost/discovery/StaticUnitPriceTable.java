package io.tierlens.cost.discovery;

import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.cost.model.UnitPrice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the bundled unit price table ({@code /static-unit-prices.csv}): {@code as_of,YYYY-MM-DD},
 * {@code <region>,<unit price key>,<USD>} and {@code eks_standard_support_end,<1.NN>,<YYYY-MM-DD>}.
 */
public final class StaticUnitPriceTable {
    public static final String RESOURCE = "/static-unit-prices.csv";
    private static final String EKS_SUPPORT = "eks_standard_support_end";

    private StaticUnitPriceTable() {}

    public static StaticUnitPrices bundled() {
        try (InputStream in = StaticUnitPriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StaticUnitPrices parse(InputStream in) throws IOException {
        Map<String, Map<UnitPrice, Double>> byRegion = new HashMap<>();
        Map<String, LocalDate> support = new HashMap<>();
        Instant asOf = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split(",");
            if (f.length == 2 && f[0].equals("as_of")) {
                asOf = LocalDate.parse(f[1]).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (f.length == 3 && f[0].equals(EKS_SUPPORT)) {
                support.put(f[1], LocalDate.parse(f[2]));
            } else if (f.length == 3 && UnitPrice.ofKey(f[1]).isPresent()) {
                byRegion.computeIfAbsent(f[0], k -> new EnumMap<>(UnitPrice.class))
                        .put(UnitPrice.ofKey(f[1]).get(), Double.parseDouble(f[2]));
            } else {
                throw new IllegalStateException("unit price table line " + n + " is malformed: " + t);
            }
        }
        if (asOf == null) {
            throw new IllegalStateException("unit price table has no as_of line");
        }
        return new StaticUnitPrices(asOf, byRegion, support);
    }
}
