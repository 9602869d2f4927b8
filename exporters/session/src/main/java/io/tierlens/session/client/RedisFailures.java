package io.tierlens.session.client;

import java.net.SocketTimeoutException;
import java.util.Locale;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Maps Jedis exceptions to {@link RedisAccessException}s with a bounded reason and a message that helps. */
final class RedisFailures {

    private RedisFailures() {}

    static RedisAccessException map(String where, String command, JedisException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage() == null ? "" : t.getMessage();
            String upper = msg.toUpperCase(Locale.ROOT);
            if (upper.startsWith("NOPERM")) {
                return new RedisAccessException(
                        RedisAccessException.ACCESS_DENIED,
                        "Redis at " + where + " refused " + command + " to our ACL user (NOPERM); grant the"
                                + " commands listed in docs/exporters/session.md",
                        e);
            }
            if (upper.startsWith("NOAUTH")) {
                return new RedisAccessException(
                        RedisAccessException.AUTH_FAILED,
                        "Redis at " + where + " requires a password but none is configured; set"
                                + " redis.password_file or redis.password_env",
                        e);
            }
            if (t instanceof JedisAccessControlException
                    || upper.startsWith("WRONGPASS")
                    || upper.contains("INVALID PASSWORD")
                    || upper.contains("INVALID USERNAME-PASSWORD")) {
                return new RedisAccessException(
                        RedisAccessException.AUTH_FAILED,
                        "Redis at " + where + " rejected our credentials (wrong password or user); check"
                                + " redis.username and the secret behind redis.password_file / redis.password_env",
                        e);
            }
            if (t instanceof SocketTimeoutException) {
                return new RedisAccessException(
                        RedisAccessException.TIMEOUT,
                        "Redis at " + where + " did not answer " + command + " within the timeout",
                        e);
            }
        }
        if (e instanceof JedisConnectionException) {
            return new RedisAccessException(
                    RedisAccessException.UNREACHABLE,
                    "cannot reach Redis at " + where + " (" + command + "): " + firstLine(rootMessage(e)),
                    e);
        }
        String detail = e instanceof JedisDataException
                ? firstWord(e.getMessage())
                : e.getClass().getSimpleName();
        return new RedisAccessException(
                RedisAccessException.REMOTE_ERROR, "Redis at " + where + " answered " + command + " with " + detail, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The error code of a Redis error reply (ERR, WRONGTYPE, ...), never the rest, which may quote data. */
    private static String firstWord(String s) {
        if (s == null || s.isBlank()) {
            return "an error";
        }
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }
}
