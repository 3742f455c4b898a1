package io.pistonee.problem;

import java.util.Objects;

/**
 * A status from the {@link Rc} vocabulary with content: what {@code Rc.ACCEPTED.with(job)} returns.
 *
 * <p>A handler returns one to choose its success status and still have the content shaped by its
 * field spec and emitted in the negotiated format. Returned with an error status, it is answered as a
 * problem of that status (see {@link Rc}).
 *
 * @param rc the status
 * @param content the body, or {@code null} for none
 */
public record Reply(Rc rc, Object content) {

    public Reply {
        Objects.requireNonNull(rc, "rc");
    }

    /** The problem a returned error status is answered with. */
    public ProblemException toProblem() {
        if (content == null) {
            return rc.error(rc.phrase() + ".");
        }
        if (content instanceof CharSequence detail) {
            return rc.error(detail.toString());
        }
        return rc.error(rc.phrase() + ".").with("content", content);
    }
}
