package io.tierlens.core.aws.query;

/**
 * AWS answered with something that is not the XML we asked for: not well-formed, truncated, too large, carrying a
 * DOCTYPE, or paging in a circle. Counted as {@code invalid_response}; the message names what was wrong, never the
 * body (which could hold anything).
 */
public final class MalformedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
