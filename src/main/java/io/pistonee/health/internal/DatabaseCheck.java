package io.pistonee.health.internal;

import io.pistonee.config.OperationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code database}: {@code UP} when the data source
 * ({@code piston.health.database.data-source}, by default {@code java:comp/DefaultDataSource}) gives a
 * connection that {@link Connection#isValid answers} within {@code piston.health.database.timeout}
 * seconds and the observers of {@code DatabaseAnswered} have run ({@link FirstAnswer}), else
 * {@code DOWN}, which makes {@code /health/ready} answer 503. Nothing is cached: a
 * database that comes back is {@code UP} at the next call, as soon as the pool hands out a working
 * connection; a pooled connection that does not answer is discarded, so the pool drops it (see also
 * the pool's validation in docs/production.md).
 *
 * <p>The data source is looked up as the application starts ({@link HealthListener}), in the
 * application's own naming context: the servers call checks from their own threads, where
 * {@code java:comp} may not resolve. A change of state is logged once (WARNING when down, INFO when
 * back). Its answers are made with {@code HealthCheckResponse}'s constructor, not its builder: the
 * builder finds its provider through the thread's class loader, which on Payara's thread for the
 * first {@code /health/ready} sometimes has none ({@code IllegalStateException: Unable to find service
 * HealthCheckResponseProvider}, a 500 with Payara's HTML error page, seen once in OperationsIT).
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    // Payara's handle has an invalidate() too, which only marks the handle: IronJacamar's only.
    private static final String IRONJACAMAR_HANDLE = "org.jboss.jca.adapters.jdbc.WrappedConnection";
    private static final String INVALIDATE = "invalidate";
    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

    @Inject
    OperationsConfig config;

    @Inject
    FirstAnswer firstAnswer;

    private volatile DataSource dataSource;
    private final AtomicBoolean up = new AtomicBoolean(true);

    /**
     * Checks the settings and looks the data source up; {@link HealthListener} calls it while the
     * application's naming context is the current one.
     */
    public void start() {
        config.databaseTimeout();
        if (dataSource() == null) {
            LOG.warning("piston.health.database.data-source: " + config.dataSource()
                    + " names no data source here: the readiness check 'database' answers DOWN");
        }
    }

    @Override
    public HealthCheckResponse call() {
        DataSource source = dataSource();
        if (source == null) {
            return down("no data source");
        }
        try (Connection connection = source.getConnection()) {
            if (connection.isValid((int) config.databaseTimeout().toSeconds())) {
                if (!firstAnswer.answered()) {
                    return down("starting");
                }
                if (up.compareAndSet(false, true)) {
                    LOG.info("The database answers again: ready");
                }
                return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
            }
            discard(connection);
            return down("no answer");
        } catch (SQLException | RuntimeException e) {
            return down("unavailable");
        }
    }

    /**
     * Tells the pool to destroy a connection that did not answer rather than hand it out again: a
     * connection that died with the database never answers, even once it is back, and a pool without
     * validation keeps it. WildFly's pool (IronJacamar) destroys a connection whose handle is
     * invalidated ({@code WrappedConnection.invalidate()}, public; called reflectively, so nothing
     * here needs WildFly to compile) and keeps one that is aborted, whose physical connection it would
     * then hand out dead; Payara's pool destroys an aborted connection.
     */
    private static void discard(Connection connection) {
        for (Class<?> type = connection.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(IRONJACAMAR_HANDLE)) {
                try {
                    type.getMethod(INVALIDATE).invoke(connection);
                    return;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break; // another IronJacamar: abort it, as elsewhere
                }
            }
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // The pool keeps it; its own validation has to find it.
        }
    }

    private HealthCheckResponse down(String reason) {
        if (up.compareAndSet(true, false)) {
            LOG.warning(
                    "The readiness check 'database' failed (" + reason + ", " + config.dataSource() + "): not ready");
        }
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("reason", reason)));
    }

    private DataSource dataSource() {
        DataSource source = dataSource;
        if (source == null) {
            try {
                source = (DataSource) new InitialContext().lookup(config.dataSource());
                dataSource = source;
            } catch (NamingException | ClassCastException e) {
                LOG.fine(() -> "No data source " + config.dataSource() + " here: " + e);
            }
        }
        return source;
    }
}
