package io.pistonee.problem;

import java.util.Map;

/**
 * An exception that is answered with a given problem (and optional response headers).
 *
 * <p>Thrown by handlers and by the framework; usually created through {@link Rc#error(String)}.
 * It carries no stack trace: it is a response, not a fault.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** This exception's problem with an extension member added (Piston's "rc with content" for errors). */
    public ProblemException with(String member, Object value) {
        return new ProblemException(problem.with(member, value), headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Headers the response must carry, such as {@code Allow} for 405. */
    public Map<String, String> headers() {
        return headers;
    }
}
