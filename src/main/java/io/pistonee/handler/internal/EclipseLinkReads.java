package io.pistonee.handler.internal;

import jakarta.persistence.EntityManagerFactory;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On EclipseLink, a read outside a transaction (how model handlers read there; see
 * {@code ReadTransactionFilter}) that fails to get a connection is retried by EclipseLink three
 * times, 5 s apart, each time waiting the pool's whole bounded wait again: with a pool whose every
 * connection is taken, a read waited about 35 s before its 503, against 5 s for a write. This turns
 * that retry off for the persistence units model handlers use, so a read fails as fast as a write;
 * what recovers from a restarted database is the pool's connection validation (docs/deploying.md).
 * Nothing happens on any other provider, and nothing here needs EclipseLink to compile.
 */
public final class EclipseLinkReads {

    private static final Logger LOG = Logger.getLogger(EclipseLinkReads.class.getName());
    private static final String SESSION = "org.eclipse.persistence.sessions.DatabaseSession";
    private static final Set<EntityManagerFactory> DONE =
            Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private EclipseLinkReads() {}

    /** Turns off EclipseLink's retry of failed reads for this factory's units, once; elsewhere nothing. */
    public static void withoutRetries(EntityManagerFactory factory) {
        if (!DONE.add(factory)) {
            return;
        }
        Class<?> session = sessionType(factory);
        if (session == null) {
            return;
        }
        try {
            Object login = session.getMethod("getLogin").invoke(factory.unwrap(session));
            login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "EclipseLink's read retries stay as configured", e);
        }
    }

    private static Class<?> sessionType(EntityManagerFactory factory) {
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(), factory.getClass().getClassLoader()
        }) {
            try {
                return Class.forName(SESSION, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not EclipseLink, or not visible from here: try the next loader.
            }
        }
        return null;
    }
}
