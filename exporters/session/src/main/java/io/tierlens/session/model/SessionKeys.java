package io.tierlens.session.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Key names Spring Session uses for one namespace, exactly as {@code RedisIndexedSessionRepository},
 * {@code RedisSessionExpirationPolicy}, {@code SortedSetRedisSessionExpirationStore} and
 * {@code RedisSessionRepository} build them (namespace {@code spring:session} by default):
 *
 * <pre>
 * &lt;ns&gt;:sessions:&lt;id&gt;            hash: creationTime, lastAccessedTime, maxInactiveInterval, sessionAttr:*
 * &lt;ns&gt;:sessions:expires:&lt;id&gt;    string "" with TTL = maxInactiveInterval (indexed only; NOT a session)
 * &lt;ns&gt;:expirations:&lt;ms&gt;         set of "expires:&lt;id&gt;" per minute of expiry (indexed, minute store)
 * &lt;ns&gt;:sessions:expirations       sorted set id → expiry ms (indexed, sorted-set store, 3.4+)
 * &lt;ns&gt;:index:org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME:&lt;name&gt;
 *                                 set of session ids per principal (indexed only)
 * </pre>
 */
public record SessionKeys(String namespace) {
    /** {@code FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME}. */
    public static final String PRINCIPAL_NAME_INDEX_NAME =
            "org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME";

    /** Indexed repositories keep the session hash this long after it expired, so expiry events can read it. */
    public static final long GRACE_SECONDS = 300;

    public static final String CREATION_TIME = "creationTime";
    public static final String LAST_ACCESSED_TIME = "lastAccessedTime";
    public static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

    /** Prefix of minute-bucket members: the bucket holds {@code expires:<id>}. */
    public static final String EXPIRES_MEMBER_PREFIX = "expires:";

    public SessionKeys {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
        namespace = namespace.trim();
    }

    public String sessionsPrefix() {
        return namespace + ":sessions:";
    }

    public String sessionKey(String sessionId) {
        return sessionsPrefix() + sessionId;
    }

    public String expiresPrefix() {
        return namespace + ":sessions:expires:";
    }

    public String expiresKey(String sessionId) {
        return expiresPrefix() + sessionId;
    }

    public String sortedSetKey() {
        return namespace + ":sessions:expirations";
    }

    public String bucketKey(long minuteMillis) {
        return namespace + ":expirations:" + minuteMillis;
    }

    public String principalIndexPrefix() {
        return namespace + ":index:" + PRINCIPAL_NAME_INDEX_NAME + ":";
    }

    public String principalKey(String principalName) {
        return principalIndexPrefix() + principalName;
    }

    /** SCAN pattern of session hashes; also matches expires keys and the sorted set, which callers filter out. */
    public String sessionScanPattern() {
        return escapeGlob(sessionsPrefix()) + "*";
    }

    public String principalScanPattern() {
        return escapeGlob(principalIndexPrefix()) + "*";
    }

    /**
     * Whether {@code key} is a session hash: under {@code <ns>:sessions:} but neither an expires key nor the
     * sorted-set store, which live under the same prefix and would double-count (as redis_exporter does).
     */
    public boolean isSessionKey(String key) {
        if (!key.startsWith(sessionsPrefix()) || key.startsWith(expiresPrefix())) {
            return false;
        }
        return !key.equals(sortedSetKey()) && key.length() > sessionsPrefix().length();
    }

    /** The session id of a bucket or sorted-set member ({@code expires:<id>} or {@code <id>}). */
    public static String sessionIdOfMember(String member) {
        return member.startsWith(EXPIRES_MEMBER_PREFIX) ? member.substring(EXPIRES_MEMBER_PREFIX.length()) : member;
    }

    /** Spring Session's bucket of an expiry: the next whole minute after it ({@code roundUpToNextMinute}). */
    public static long bucketOf(long expiryMillis) {
        return Math.floorDiv(expiryMillis, 60_000L) * 60_000L + 60_000L;
    }

    public static long bucketOf(Instant expiry) {
        return bucketOf(expiry.toEpochMilli());
    }

    /** The session id inside a session key, or empty if it is not one. */
    public Optional<String> sessionIdOf(String key) {
        return isSessionKey(key) ? Optional.of(key.substring(sessionsPrefix().length())) : Optional.empty();
    }

    /** Escapes the glob characters SCAN MATCH interprets, so a namespace is matched literally. */
    static String escapeGlob(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
