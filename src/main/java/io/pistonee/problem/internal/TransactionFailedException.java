package io.pistonee.problem.internal;

/**
 * A transaction the container could not complete, handed to the framework's exception mapper, which
 * answers it from its causes like any other persistence failure (a database that went away: 503 with
 * {@code Retry-After}).
 *
 * <p>Payara's {@code @Transactional} interceptor reports a rollback that failed (the connection died
 * with the write) as a {@code TransactionalException}, in place of the write's own exception, and its
 * Jersey has an exception mapper of its own for that type that answers a bare 500. Wrapped in this
 * type, the failure reaches the framework's mapper on every server.
 */
public class TransactionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransactionFailedException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
