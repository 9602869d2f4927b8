package io.tierlens.session.client;

/**
 * A Redis call failed. {@link #reason()} is one of a small fixed set (it becomes a label value); the message is
 * safe to log: it names the node and the kind of failure, never a password, key or value.
 */
public class RedisAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String AUTH_FAILED = "auth_failed";
    public static final String CREDENTIALS_MISSING = "credentials_missing";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String UNREACHABLE = "unreachable";
    public static final String TIMEOUT = "timeout";
    public static final String REMOTE_ERROR = "remote_error";

    private final String reason;

    public RedisAccessException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RedisAccessException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
