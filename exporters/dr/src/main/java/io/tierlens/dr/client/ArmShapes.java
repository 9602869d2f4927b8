package io.tierlens.dr.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.dr.model.SiteResource;
import io.tierlens.dr.model.SiteResourceKind;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the ARM JSON shapes we use: a VM's {@code instanceView} ({@code statuses[].code} such as
 * {@code PowerState/running} and {@code ProvisioningState/succeeded}) and a MySQL flexible server
 * ({@code properties.state}, {@code replicationRole}, {@code backup.earliestRestoreDate}). Whatever ARM sends
 * becomes a short lower-case label value from a fixed alphabet, so a hostile or new value cannot blow up a label.
 */
final class ArmShapes {
    private static final int MAX_LABEL = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmShapes() {}

    static SiteResource virtualMachine(String name, JsonNode instanceView) {
        String power = "unknown";
        String provisioning = "unknown";
        for (JsonNode status : instanceView.path("statuses")) {
            String code = status.path("code").asText("");
            if (code.startsWith("PowerState/")) {
                power = label(code.substring("PowerState/".length()));
            } else if (code.startsWith("ProvisioningState/")) {
                provisioning = label(code.substring("ProvisioningState/".length()));
            }
        }
        // "updating" is a running VM whose model changes (an extension, a tag): it still serves.
        boolean ready =
                power.equals("running") && (provisioning.equals("succeeded") || provisioning.equals("updating"));
        return new SiteResource(
                SiteResourceKind.VIRTUAL_MACHINE, name, power, provisioning, Optional.empty(), ready, Optional.empty());
    }

    static SiteResource mysqlServer(String name, JsonNode server) {
        JsonNode p = server.path("properties");
        String state = label(p.path("state").asText(""));
        String provisioning = label(p.path("provisioningState").asText(""));
        Optional<String> role = Optional.of(label(p.path("replicationRole").asText("None")));
        Optional<Instant> earliest =
                instant(p.path("backup").path("earliestRestoreDate").asText(""));
        return new SiteResource(
                SiteResourceKind.MYSQL_FLEXIBLE_SERVER,
                name,
                state,
                provisioning,
                role,
                state.equals("ready"),
                earliest);
    }

    /** ARM's {@code error.code} (e.g. {@code AuthorizationFailed}), never its message (it names principals). */
    static Optional<String> errorCode(byte[] body) {
        try {
            String code = JSON.readTree(body).path("error").path("code").asText("");
            return code.matches("[A-Za-z0-9_.]{1,64}") ? Optional.of(code) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Lower case, letters, digits and underscores only, at most 40 characters; {@code unknown} when empty. */
    static String label(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (v.length() > MAX_LABEL) {
            v = v.substring(0, MAX_LABEL);
        }
        return v.isEmpty() ? "unknown" : v;
    }

    /** A resource name as a label value: ARM names are short and plain; anything else is cut and replaced. */
    static String name(String value) {
        String v = value.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        return v.length() > 80 ? v.substring(0, 80) : v;
    }

    private static Optional<Instant> instant(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
