package io.pistonee.it.stores;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.ServletContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The application's users in its own tables, declared to Jakarta Security as a standard database
 * identity store (no {@code Accounts} bean): {@code dbuser} and {@code dbadmin} ({@code author}),
 * {@code dblocked} ({@code author}, for the login limits). The tables are filled at start-up, the
 * passwords hashed by the container's {@code Pbkdf2PasswordHash}, which the store verifies with.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = CallerTable.DATA_SOURCE,
        callerQuery = "select password_hash from store_callers where caller_name = ?",
        groupsQuery = "select group_name from store_groups where caller_name = ?")
@ApplicationScoped
public class CallerTable {

    static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    @Resource(lookup = DATA_SOURCE)
    DataSource data;

    @Inject
    Pbkdf2PasswordHash hash;

    void seed(@Observes @Initialized(ApplicationScoped.class) ServletContext context) throws SQLException {
        try (Connection connection = data.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists store_callers"
                    + " (caller_name varchar(64) primary key, password_hash varchar(512))");
            statement.execute(
                    "create table if not exists store_groups (caller_name varchar(64), group_name varchar(64))");
            statement.execute("delete from store_groups");
            statement.execute("delete from store_callers");
            add(connection, "dbuser", "dbpass");
            add(connection, "dbadmin", "dbadminpass");
            add(connection, "dblocked", "dblockedpass");
        }
    }

    private void add(Connection connection, String caller, String password) throws SQLException {
        try (PreparedStatement callers = connection.prepareStatement("insert into store_callers values (?, ?)");
                PreparedStatement groups = connection.prepareStatement("insert into store_groups values (?, ?)")) {
            callers.setString(1, caller);
            callers.setString(2, hash.generate(password.toCharArray()));
            callers.executeUpdate();
            groups.setString(1, caller);
            groups.setString(2, "author");
            groups.executeUpdate();
        }
    }
}
