package io.tierlens.cost.discovery;

import io.tierlens.cost.model.StaticPrices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the bundled price table ({@code /static-prices.csv}): lines {@code as_of,YYYY-MM-DD},
 * {@code ec2,<instance type>,<USD/h>}, {@code rds,<class>,<USD/h>} and
 * {@code ec2_family,<family>,<USD/h of its .large>,<largest size in xlarge>}; {@code #} starts a comment.
 */
public final class StaticPriceTable {
    public static final String RESOURCE = "/static-prices.csv";

    private StaticPriceTable() {}

    public static StaticPrices bundled() {
        try (InputStream in = StaticPriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StaticPrices parse(InputStream in) throws IOException {
        Map<String, Double> ec2 = new HashMap<>();
        Map<String, Double> rds = new HashMap<>();
        Map<String, StaticPrices.Family> families = new HashMap<>();
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
            if (f[0].equals("as_of") && f.length == 2) {
                asOf = LocalDate.parse(f[1]).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (f.length == 3 && (f[0].equals("ec2") || f[0].equals("rds"))) {
                (f[0].equals("ec2") ? ec2 : rds).put(f[1], Double.parseDouble(f[2]));
            } else if (f.length == 4 && f[0].equals("ec2_family")) {
                families.put(f[1], new StaticPrices.Family(Double.parseDouble(f[2]), Integer.parseInt(f[3])));
            } else {
                throw new IllegalStateException("static price table line " + n + " is malformed: " + t);
            }
        }
        if (asOf == null) {
            throw new IllegalStateException("static price table has no as_of line");
        }
        return new StaticPrices(asOf, ec2, rds, families);
    }
}
