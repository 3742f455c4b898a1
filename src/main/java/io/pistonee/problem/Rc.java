package io.pistonee.problem;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Piston's {@code rc} status vocabulary, with FORBIDDEN as 403 this time.
 *
 * <pre>{@code
 * throw Rc.NOT_FOUND.error("No post 42");
 * }</pre>
 */
public enum Rc {
    ALL_OK(200, "OK"),
    CREATED(201, "Created"),
    ACCEPTED(202, "Accepted"),
    DELETED(204, "No Content"),
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    NOT_ALLOWED(405, "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    DUPLICATE_ENTRY(409, "Conflict"),
    NOT_HERE(410, "Gone"),
    PRECONDITION_FAILED(412, "Precondition Failed"),
    PAYLOAD_TOO_LARGE(413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    THROTTLED(429, "Too Many Requests"),
    INTERNAL_ERROR(500, "Internal Server Error"),
    NOT_IMPLEMENTED(501, "Not Implemented"),
    UNAVAILABLE(503, "Service Unavailable");

    private final int status;
    private final String phrase;

    Rc(int status, String phrase) {
        this.status = status;
        this.phrase = phrase;
    }

    public int status() {
        return status;
    }

    public String phrase() {
        return phrase;
    }

    /** A problem of this status with the given detail. */
    public Problem problem(String detail) {
        return Problem.of(status, detail);
    }

    /** An exception answered with a problem of this status and the given detail. */
    public ProblemException error(String detail) {
        return new ProblemException(problem(detail));
    }

    /** An exception answered with a problem of this status, the detail and response headers. */
    public ProblemException error(String detail, Map<String, String> headers) {
        return new ProblemException(problem(detail), headers);
    }

    /** The reason phrase of a status code, or "Error" for one this vocabulary lacks. */
    public static String phrase(int status) {
        for (Rc rc : values()) {
            if (rc.status == status) {
                return rc.phrase;
            }
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
