package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failover record: the PRIMARY and SECONDARY record sets of one name and type in one hosted zone.
 *
 * @param name the record name, e.g. {@code shop.example.com}
 * @param hostedZoneId the public hosted zone, e.g. {@code Z0123456789ABCDEFGHIJ}
 * @param type A (default), AAAA or CNAME
 * @param accountId the account of the hosted zone; empty means the first watched account
 */
public record RecordConfig(String name, String hostedZoneId, String type, String accountId) implements ConfigChecked {
    private static final Pattern ZONE = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");
    private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME");

    public RecordConfig {
        name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        hostedZoneId = hostedZoneId == null ? "" : hostedZoneId.strip();
        hostedZoneId = hostedZoneId.startsWith("/hostedzone/") ? hostedZoneId.substring(12) : hostedZoneId;
        type = type == null ? "A" : type.strip().toUpperCase(Locale.ROOT);
        accountId = accountId == null ? "" : accountId.strip();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (name.isEmpty() || !name.contains(".")) {
            problems.add(ConfigProblems.join(path, "name"), "a record needs a DNS name", "e.g. shop.example.com");
        }
        if (!ZONE.matcher(hostedZoneId).matches()) {
            problems.add(
                    ConfigProblems.join(path, "hosted_zone_id"),
                    "missing or not a hosted zone id",
                    "copy it from the Route53 console, e.g. Z0123456789ABCDEFGHIJ");
        }
        if (!TYPES.contains(type)) {
            problems.add(ConfigProblems.join(path, "type"), "unsupported type \"" + type + "\"", "A, AAAA or CNAME");
        }
        if (!accountId.isEmpty() && !accountId.matches("\\d{12}")) {
            problems.add(ConfigProblems.join(path, "account_id"), "an account id has 12 digits", "quote it");
        }
    }
}
