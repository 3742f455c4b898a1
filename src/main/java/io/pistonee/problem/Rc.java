package io.pistonee.problem;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Piston's {@code rc} status vocabulary, with FORBIDDEN as 403 this time.
 *
 * <pre>{@code
 * throw Rc.NOT_FOUND.error("No post 42");                       // a problem, in the negotiated format
 * throw Rc.DUPLICATE_ENTRY.error("Taken").with("existing", uri); // a problem with an extension member
 * return Rc.ACCEPTED;                                           // a status, no body
 * return Rc.ACCEPTED.with(job);                                 // a status with a body, shaped and emitted
 * }</pre>
 *
 * A handler returns a success status (with or without content) and throws an error status. An error
 * status that is returned rather than thrown is still answered as a problem: its content, a string,
 * becomes the problem's {@code detail}; any other content becomes its {@code content} member.
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
    PRECONDITION_REQUIRED(428, "Precondition Required"),
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

    /** This status with a body: Piston's "rc with content", emitted in the negotiated format. */
    public Reply with(Object content) {
        return new Reply(this, content);
    }

    /** Whether this is an error status (4xx or 5xx). */
    public boolean isError() {
        return status >= 400;
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
