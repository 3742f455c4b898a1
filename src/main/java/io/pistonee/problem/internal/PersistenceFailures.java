package io.pistonee.problem.internal;

import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.NoResultException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * What a failed database operation means to the client, found anywhere in an exception's causes, by
 * the standard types only (so it holds on EclipseLink and Hibernate alike):
 * <ul>
 *   <li>entity not found (also {@code NoResultException}) → 404;</li>
 *   <li>entity exists, or an SQL integrity constraint violation (SQLState class {@code 23}: unique,
 *       foreign key, not null, check) → 409;</li>
 *   <li>optimistic lock failure (also SQLState class {@code 40}: serialization failure, deadlock) → 409, or 412 when the request carried {@code If-Match} (the client's
 *       precondition no longer holds); pessimistic lock failure → 409;</li>
 *   <li>database unreachable (SQLState class {@code 08}, connection exceptions, a connection pool that
 *       cannot allocate, a transaction manager that could not complete the transaction:
 *       {@code SystemException}) or a lock or query timeout (also SQLState {@code HYT0x}) → 503 with
 *       {@code Retry-After}.</li>
 * </ul>
 * Details never repeat the database's message: it may name tables, columns or values.
 */
public final class PersistenceFailures {

    private PersistenceFailures() {}

    /** The problem for a persistence failure among the causes, or {@code null} if there is none. */
    public static ProblemException of(Throwable exception, boolean ifMatchSent, long retryAfterSeconds) {
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            ProblemException problem = map(cause, ifMatchSent, retryAfterSeconds);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static ProblemException map(Throwable cause, boolean ifMatchSent, long retryAfterSeconds) {
        if (cause instanceof OptimisticLockException || isSerializationFailure(cause)) {
            return ifMatchSent
                    ? Rc.PRECONDITION_FAILED.error(
                            "The item changed after the version named in If-Match: " + "read it again and retry.")
                    : Rc.DUPLICATE_ENTRY.error(
                            "The item was changed by someone else meanwhile: read it again and" + " retry.");
        }
        if (cause instanceof PessimisticLockException) {
            return Rc.DUPLICATE_ENTRY.error("The item is being changed by someone else: retry.");
        }
        if (cause instanceof EntityNotFoundException || cause instanceof NoResultException) {
            return Rc.NOT_FOUND.error("The item does not exist.");
        }
        if (cause instanceof EntityExistsException || isConstraintViolation(cause)) {
            return Rc.DUPLICATE_ENTRY.error(
                    "The change conflicts with stored data: a unique or other" + " constraint would be violated.");
        }
        if (cause instanceof LockTimeoutException
                || cause instanceof QueryTimeoutException
                || isTimeout(cause)
                || isUnreachable(cause)
                || cause instanceof SystemException) {
            return Rc.UNAVAILABLE.error(
                    "The database is unavailable: retry later.",
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
        return null;
    }

    private static boolean isConstraintViolation(Throwable cause) {
        return cause instanceof SQLIntegrityConstraintViolationException
                || (cause instanceof SQLException sql && sqlStateClass(sql).equals("23"));
    }

    /** SQLState class 40: serialization failure or deadlock, the same lost race as an optimistic lock. */
    private static boolean isSerializationFailure(Throwable cause) {
        return cause instanceof SQLException sql && sqlStateClass(sql).equals("40");
    }

    /** SQLState HYT00 / HYT01: a lock or statement timeout. */
    private static boolean isTimeout(Throwable cause) {
        return cause instanceof SQLTimeoutException
                || (cause instanceof SQLException sql
                        && sqlStateClass(sql).equals("HY")
                        && String.valueOf(sql.getSQLState()).startsWith("HYT0"));
    }

    private static boolean isUnreachable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException) {
            return true;
        }
        if (cause instanceof SQLException sql && sqlStateClass(sql).equals("08")) {
            return true;
        }
        // A connector pool that cannot hand out a connection (Payara, WildFly), without a compile-time
        // dependency on the Connector API.
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlStateClass(SQLException exception) {
        String state = exception.getSQLState();
        return state == null || state.length() < 2 ? "" : state.substring(0, 2);
    }

    /** The next cause, including the chained exceptions of an {@code SQLException}. */
    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }
}
