package io.pistonee.health.internal;

import io.pistonee.config.OperationsConfig;
import io.pistonee.health.DatabaseAnswered;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Whether the database has answered since the application started, and {@link DatabaseAnswered}
 * fired once when it first does: at start-up ({@link HealthListener}) if it is up, else at the first
 * readiness check or API request ({@link NotAnsweredFilter}) that finds it back.
 *
 * <p>The event is fired through a runnable made contextual at start-up with the application's default
 * {@code ContextService}: Payara calls readiness checks on a thread of its own, without the
 * application's naming context, where an observer's persistence context could not be used. Without a
 * data source to ask ({@code piston.health.database.data-source} names none), the event is fired at
 * start-up, as if the database had answered.
 */
@ApplicationScoped
public class FirstAnswer {

    private static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";
    private static final Logger LOG = Logger.getLogger(FirstAnswer.class.getName());

    @Inject
    OperationsConfig config;

    @Inject
    Event<DatabaseAnswered> event;

    private volatile DataSource dataSource;
    private volatile Runnable announce;
    private volatile boolean answered;

    /** Looks up the data source and captures the context; {@link HealthListener} calls it at start-up. */
    public void start() {
        dataSource = lookup(config.dataSource(), DataSource.class);
        Runnable fire = () -> event.fire(new DatabaseAnswered());
        ContextService context = lookup(CONTEXT_SERVICE, ContextService.class);
        announce = context == null ? fire : context.contextualRunnable(fire);
        if (!answered()) {
            LOG.warning("The database does not answer at start-up: not ready until it does");
        }
    }

    /**
     * Whether the database has answered: once it has, always; before, asks it now and, if it answers,
     * fires {@link DatabaseAnswered} first.
     */
    public boolean answered() {
        if (answered) {
            return true;
        }
        synchronized (this) {
            if (!answered && announce != null && answers()) {
                try {
                    announce.run();
                    answered = true;
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "An observer of DatabaseAnswered failed: it runs again at the next check",
                            e);
                }
            }
            return answered;
        }
    }

    private boolean answers() {
        DataSource source = dataSource;
        if (source == null) {
            return true;
        }
        try (Connection connection = source.getConnection()) {
            return connection.isValid((int) config.databaseTimeout().toSeconds());
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException | ClassCastException e) {
            LOG.fine(() -> "No " + type.getSimpleName() + " " + name + " here: " + e);
            return null;
        }
    }
}
