package io.pistonee.it;

import io.pistonee.it.server.FreePorts;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * A database a test can take away and give back: an H2 TCP server on 127.0.0.1 at a free port, which
 * {@link #stop} closes and {@link #start} opens again on the same port. Its in-memory databases
 * live in the test's JVM, so they outlive a stop.
 */
final class TcpDatabase {

    private final int port = FreePorts.take();
    private Server server;

    /** A server started on a free port. */
    static TcpDatabase started() {
        TcpDatabase database = new TcpDatabase();
        database.start();
        return database;
    }

    int port() {
        return port;
    }

    void start() {
        System.setProperty("h2.bindAddress", "127.0.0.1"); // H2 binds every interface otherwise
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists")
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException("H2 could not listen on 127.0.0.1:" + port, e);
        }
    }

    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
