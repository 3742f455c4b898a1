package io.pistonee.oauth.internal;

/**
 * An OAuth 2.0 error response (RFC 6749 §5.2): {@code invalid_request}, {@code invalid_client} (401),
 * {@code invalid_grant}, {@code unauthorized_client}, {@code unsupported_grant_type},
 * {@code invalid_scope}; answered by {@link OAuthExceptionMapper} as
 * {@code {"error": ..., "error_description": ...}}.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;
    private final long retryAfter;

    public OAuthException(String error, String description) {
        this(error, description, "invalid_client".equals(error) ? 401 : 400, 0);
    }

    public OAuthException(String error, String description, int status, long retryAfter) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    /** Seconds to wait before trying again, or 0. */
    public long retryAfter() {
        return retryAfter;
    }
}
