package io.pistonee.it;

import io.pistonee.it.server.FreePorts;
import io.pistonee.it.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.h2.tools.Server;

/**
 * A Payara Micro cluster this test JVM runs itself, as docs/cluster.md describes:
 * an H2 TCP server as the shared database and N Payara Micro processes of the example WAR, each with
 * the repository's loopback pre-boot commands plus its own Hazelcast port, the list of all members
 * (TCP/IP discovery, never multicast) and a cluster name of its own, so it never meets another
 * checkout's servers. Every port is a free one taken when the cluster is made. Everything listens on 127.0.0.1 only. Every process is stopped by its PID when
 * the cluster is closed, and by a shutdown hook if the JVM exits first.
 */
final class PayaraCluster implements AutoCloseable {

    /** Payara's line whenever its data grid changes: "... DG Name: piston-cluster-it-41234 DG Size: 3". */
    private static final Pattern GRID = Pattern.compile("DG Name: \\S+ DG Size: (\\d+)");

    private final Path work;
    private final Path jar;
    private final Path war;
    private final int databasePort;
    private final List<Integer> httpPorts;
    private final List<Integer> hazelcastPorts;
    private final int size;
    private final List<String> jvmOptions;
    private final ServerProcess[] members;
    private Server database;

    /**
     * A cluster of {@code size} members on free loopback ports, taken now: the database's, and each
     * member's HTTP and Hazelcast ports, so no earlier or other server can answer for a member or
     * join its data grid.
     */
    PayaraCluster(Path work, Path jar, Path war, int size, List<String> jvmOptions) {
        this.work = work;
        this.jar = jar;
        this.war = war;
        this.size = size;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.members = new ServerProcess[size + 1];
        List<Integer> ports = FreePorts.take(1 + 2 * size);
        this.databasePort = ports.get(0);
        this.httpPorts = ports.subList(1, 1 + size);
        this.hazelcastPorts = ports.subList(1 + size, 1 + 2 * size);
    }

    /** Starts the database, then every member at once, and waits until all of them serve the API. */
    void start(Duration timeout) {
        try {
            Files.createDirectories(work.resolve("tmp"));
            try (var logs = Files.newDirectoryStream(work, "member-*.log")) {
                for (Path log : logs) {
                    Files.delete(log); // an earlier run's
                }
            }
            System.setProperty("h2.bindAddress", "127.0.0.1"); // H2 binds every interface otherwise
            database = Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-ifNotExists")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // The first member's data grid is up before the others start, so they all join it: members
        // that start Hazelcast at the same moment can each form a grid of their own, which Hazelcast
        // merges only minutes later.
        launch(1);
        members[1].awaitLog(GRID, timeout);
        for (int member = 2; member <= size; member++) {
            launch(member);
        }
        for (int member = 1; member <= size; member++) {
            awaitReady(member, timeout);
        }
        for (int member = 1; member <= size; member++) {
            awaitWholeGrid(member, timeout);
        }
    }

    /** The base URL of a member (1..size). */
    URL url(int member) {
        try {
            return URI.create("http://127.0.0.1:" + httpPort(member) + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection to the shared database, as the servers see it. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/mem:piston;DB_CLOSE_DELAY=-1", "", "");
    }

    /** Kills a member with SIGKILL (no shutdown of any kind) and waits until it is gone. */
    void kill(int member) {
        members[member].kill();
    }

    /** Starts a member again (after {@link #kill}) and waits until it serves the API in the whole grid. */
    void restart(int member, Duration timeout) {
        launch(member);
        awaitReady(member, timeout);
        awaitWholeGrid(member, timeout);
    }

    /** The PID of a member's process. */
    long pid(int member) {
        return members[member].pid();
    }

    /** The end of a member's log, for failure messages. */
    String logTail(int member) {
        return members[member].logTail(60);
    }

    /** A member's whole log (it lists the data grid's members whenever they change). */
    String logText(int member) {
        return members[member].logText();
    }

    @Override
    public void close() {
        for (ServerProcess member : members) {
            if (member != null) {
                member.stop();
            }
        }
        if (database != null) {
            database.stop();
        }
    }

    private void launch(int member) {
        try {
            Path preboot = work.resolve("preboot-" + member + ".asadmin");
            Files.writeString(preboot, preboot(member), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
            command.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "--deploy",
                    war.toString(),
                    "--contextroot",
                    "/",
                    "--port",
                    String.valueOf(httpPort(member)),
                    "--disablephonehome",
                    "--prebootcommandfile",
                    preboot.toString()));
            members[member] =
                    ServerProcess.start("Cluster member " + member + " on " + url(member), command, logFile(member));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's loopback pre-boot commands, then this member's cluster settings. */
    private String preboot(int member) throws IOException {
        String all = IntStream.rangeClosed(1, size)
                .mapToObj(m -> "127.0.0.1:" + hazelcastPorts.get(m - 1))
                .collect(Collectors.joining(","));
        return Files.readString(Path.of("server-config/payara/preboot.asadmin"), StandardCharsets.UTF_8)
                + "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:tcp://127.0.0.1:" + databasePort
                + "/mem:piston;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000\n"
                + "set hazelcast-runtime-configuration.start-port=" + hazelcastPorts.get(member - 1) + "\n"
                + "set hazelcast-runtime-configuration.tcpip-members=" + all + "\n"
                + "set hazelcast-runtime-configuration.cluster-group-name=piston-cluster-it-" + httpPort(1) + "\n";
    }

    private void awaitReady(int member, Duration timeout) {
        members[member].awaitHttp(URI.create(url(member) + "api/posts"), status -> status == 200, timeout);
    }

    /** A log per start of a member ({@code member-2.log}, then {@code member-2-2.log}...). */
    private Path logFile(int member) {
        String name = "member-" + member;
        for (int start = 2; Files.exists(work.resolve(name + ".log")); start++) {
            name = "member-" + member + "-" + start;
        }
        return work.resolve(name + ".log");
    }

    /** Waits until the member's latest "Data Grid Status" in its log counts every member. */
    private void awaitWholeGrid(int member, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            Matcher sizes = GRID.matcher(logText(member));
            while (sizes.find()) {
                seen = sizes.group(1);
            }
            if (String.valueOf(size).equals(seen)) {
                return;
            }
            ServerProcess.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(members[member] + " is in a data grid of " + seen + " members, not " + size
                + ", after " + timeout + ":\n" + logTail(member));
    }

    private int httpPort(int member) {
        return httpPorts.get(member - 1);
    }
}
