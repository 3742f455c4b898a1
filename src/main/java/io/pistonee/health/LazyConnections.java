package io.pistonee.health;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets an EclipseLink persistence unit (Payara) deploy while its database is down. Name it in
 * {@code persistence.xml}, and tell EclipseLink which database it will be (a system property, so the
 * WAR stays the same for every database):
 *
 * <pre>{@code
 * <property name="eclipselink.session.customizer" value="io.pistonee.health.LazyConnections"/>
 *
 * java -Djakarta.persistence.database-product-name=PostgreSQL -jar payara-micro.jar ...
 * }</pre>
 *
 * <p>Payara opens an entity manager while it deploys, and EclipseLink then logs in: it asks the
 * database which one it is, and its connection pools each open a connection to try it. With the
 * database down both fail, and so does the deployment. When the database does not answer at log-in,
 * this customizer names the database from {@code jakarta.persistence.database-product-name} (a
 * persistence unit property or, failing that, a system property) and lets the pools' first
 * connections wait until they are used: a use while the database is still down fails as any other
 * (503 with {@code Retry-After}), and once it is back the next one succeeds. When the database
 * answers at log-in, nothing changes. Hibernate (WildFly) ignores the property; it needs
 * {@code hibernate.dialect} instead (docs/production.md#health).
 */
public class LazyConnections implements SessionCustomizer {

    /** The standard property naming the database, read by EclipseLink instead of asking it. */
    public static final String PRODUCT_NAME = "jakarta.persistence.database-product-name";

    private static final Logger LOG = Logger.getLogger(LazyConnections.class.getName());

    @Override
    public void customize(Session session) {
        Login login = session.getDatasourceLogin();
        if (!(login instanceof DatasourceLogin datasourceLogin) || answers(datasourceLogin, session)) {
            return;
        }
        Object product = session.getProperty(PRODUCT_NAME);
        if (product == null) {
            product = System.getProperty(PRODUCT_NAME);
        }
        if (product == null) {
            LOG.warning("The database does not answer, and " + PRODUCT_NAME
                    + " does not name it: EclipseLink cannot start without it");
            return;
        }
        session.setProperty(PRODUCT_NAME, product);
        defer(datasourceLogin);
        if (session instanceof ServerSession server) {
            defer(server.getReadConnectionPool());
            server.getConnectionPools().values().forEach(LazyConnections::defer);
        }
        LOG.warning("The database does not answer: EclipseLink starts as " + product + " and connects when used");
    }

    private static boolean answers(DatasourceLogin login, Session session) {
        try (Connection connection = login.getConnector().connect(login.getProperties(), session)) {
            return connection != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static void defer(ConnectionPool pool) {
        if (pool != null && pool.getLogin() instanceof DatasourceLogin login) {
            defer(login);
        }
    }

    private static void defer(DatasourceLogin login) {
        if (login.getConnector() != null && !(login.getConnector() instanceof Deferred)) {
            login.setConnector(new Deferred(login.getConnector()));
        }
    }

    /**
     * Connects as its delegate does; when that fails, hands out a connection that connects when first
     * used (and fails then if the database is still down), so that a pool can start.
     */
    private static final class Deferred implements Connector {

        private static final long serialVersionUID = 1L;

        private final Connector delegate;

        Deferred(Connector delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            try {
                return delegate.connect(properties, session);
            } catch (DatabaseException e) {
                return (Connection) Proxy.newProxyInstance(
                        Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        new Later(delegate, properties, session));
            }
        }

        @Override
        public Object clone() {
            return new Deferred((Connector) delegate.clone());
        }

        @Override
        public void toString(PrintWriter writer) {
            delegate.toString(writer);
        }

        @Override
        public String getConnectionDetails() {
            return delegate.getConnectionDetails();
        }
    }

    /** A connection made at its first use; closing one never made does nothing. */
    private static final class Later implements InvocationHandler {

        private final Connector connector;
        private final Properties properties;
        private final Session session;
        private Connection connection;

        Later(Connector connector, Properties properties, Session session) {
            this.connector = connector;
            this.properties = properties;
            this.session = session;
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (connection == null) {
                switch (method.getName()) {
                    case "close":
                        return null;
                    case "isClosed":
                        return false;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    case "toString":
                        return "a connection not made yet";
                    default:
                        connection = connector.connect(properties, session);
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
