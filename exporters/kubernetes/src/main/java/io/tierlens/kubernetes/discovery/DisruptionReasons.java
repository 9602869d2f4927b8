package io.tierlens.kubernetes.discovery;

import static io.tierlens.kubernetes.discovery.ObjectFields.at;
import static io.tierlens.kubernetes.discovery.ObjectFields.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a NodeClaim is being removed, from what the NodeClaim itself records, in this order:
 *
 * <ol>
 *   <li>the {@code DisruptionReason} condition the disruption controller sets before it deletes a claim
 *       ({@code Underutilized} → {@code underutilized}, {@code Empty}, {@code Drifted}, ...);
 *   <li>the {@code Drifted} condition → {@code drifted};
 *   <li>{@code spec.expireAfter} elapsed since creation → {@code expired};
 *   <li>never initialized (launch or registration failed) → {@code never_initialized};
 *   <li>otherwise {@code other}: interruptions, manual deletes and garbage collection, for which Karpenter
 *       records nothing on the claim.
 * </ol>
 *
 * Labels stay bounded: a reason is snake_case letters only, at most 40 characters, else {@code other}.
 */
public final class DisruptionReasons {
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z_]{0,39}");

    private DisruptionReasons() {}

    public static String of(GenericKubernetesResource claim, Instant now) {
        Object conditions = at(claim.getAdditionalProperties(), "status", "conditions");
        Optional<String> recorded = ObjectFields.conditionEntry(conditions, NodeClaimParser.DISRUPTION_REASON)
                .filter(c -> "True".equals(c.get("status")))
                .map(c -> text(c.get("reason")))
                .filter(r -> !r.isEmpty());
        if (recorded.isPresent()) {
            return snake(recorded.get());
        }
        if (NodeClaimParser.isTrue(conditions, "Drifted")) {
            return "drifted";
        }
        Optional<Duration> expireAfter = goDuration(text(at(claim.getAdditionalProperties(), "spec", "expireAfter")));
        Optional<Instant> created = ObjectFields.time(claim.getMetadata().getCreationTimestamp());
        if (expireAfter.isPresent()
                && created.isPresent()
                && !created.get().plus(expireAfter.get()).isAfter(now)) {
            return "expired";
        }
        if (!NodeClaimParser.isTrue(conditions, "Initialized")) {
            return "never_initialized";
        }
        return "other";
    }

    /** {@code SpotInterruption} → {@code spot_interruption}; anything but ASCII letters → {@code other}. */
    static String snake(String reason) {
        if (!reason.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return "other";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(c);
        }
        String s = sb.toString().toLowerCase(Locale.ROOT);
        return SAFE.matcher(s).matches() ? s : "other";
    }

    /** A Go duration as Karpenter writes it ({@code 720h}, {@code 1h30m}); empty for {@code Never} or junk. */
    static Optional<Duration> goDuration(String text) {
        if (text.isEmpty() || text.equals("Never")) {
            return Optional.empty();
        }
        Matcher m = GO_DURATION_PART.matcher(text);
        double seconds = 0;
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                return Optional.empty();
            }
            double n = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "s" -> n;
                default -> n / 1000;
            };
            pos = m.end();
        }
        return pos == text.length() && pos > 0
                ? Optional.of(Duration.ofMillis((long) (seconds * 1000)))
                : Optional.empty();
    }
}
