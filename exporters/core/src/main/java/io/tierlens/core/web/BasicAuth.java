package io.tierlens.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code basic_auth_users}: checks an {@code Authorization: Basic} header against bcrypt hashes. A bcrypt check
 * costs ~70 ms of CPU at cost 10, far more than a scrape, so a successful check is remembered (as exporter-toolkit
 * does) by a SHA-256 of user, password and hash; a failed one is not, and an unknown user costs a bcrypt check too,
 * so timing does not tell which users exist.
 */
public final class BasicAuth {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    // A hash of a random password, checked for unknown users so they take as long as known ones.
    private static final String DUMMY = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

    private final Map<String, String> users;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    public BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    public boolean enabled() {
        return !users.isEmpty();
    }

    static boolean looksLikeBcrypt(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
    }

    /** The user the header authenticates, if it does. */
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String hash = users.get(user);
        String cacheKey = digest(user + '\0' + password + '\0' + hash);
        if (hash != null && verified.containsKey(cacheKey)) {
            return Optional.of(user);
        }
        boolean ok;
        try {
            ok = BCrypt.verifyer()
                    .verify(
                            password.getBytes(StandardCharsets.UTF_8),
                            (hash == null ? DUMMY : hash).getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (IllegalArgumentException e) {
            ok = false; // a password longer than bcrypt's 72 bytes, for instance
        }
        if (!ok || hash == null) {
            return Optional.empty();
        }
        if (verified.size() > 1000) {
            verified.clear(); // bounded: a cache of successes cannot grow without limit
        }
        verified.put(cacheKey, Boolean.TRUE);
        return Optional.of(user);
    }

    private static String digest(String s) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
