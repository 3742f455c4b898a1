package io.pistonee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.h2.tools.Server;

/**
 * A Payara Micro cluster this test JVM runs itself, as the README's "Running a cluster" describes:
 * an H2 TCP server as the shared database and N Payara Micro processes of the example WAR, each with
 * the repository's loopback pre-boot commands plus its own Hazelcast port, the list of all members
 * (TCP/IP discovery, never multicast) and a cluster name of its own, so it never meets another
 * checkout's servers. Everything listens on 127.0.0.1 only. Every process is stopped by its PID when
 * the cluster is closed, and by a shutdown hook if the JVM exits first.
 */
final class PayaraCluster implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Path work;
    private final Path jar;
    private final Path war;
    private final int databasePort;
    private final int httpBase;
    private final int hazelcastBase;
    private final int size;
    private final List<String> jvmOptions;
    private final Process[] processes;
    private final Thread hook = new Thread(this::stopAll, "payara-cluster-stop");
    private Server database;

    /**
     * @param databasePort the H2 server's port; member i (1..size) listens on {@code httpBase + i}
     *     and its Hazelcast on {@code hazelcastBase + i}
     */
    PayaraCluster(
            Path work,
            Path jar,
            Path war,
            int databasePort,
            int httpBase,
            int hazelcastBase,
            int size,
            List<String> jvmOptions) {
        this.work = work;
        this.jar = jar;
        this.war = war;
        this.databasePort = databasePort;
        this.httpBase = httpBase;
        this.hazelcastBase = hazelcastBase;
        this.size = size;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.processes = new Process[size + 1];
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the database, then every member at once, and waits until all of them serve the API. */
    void start(Duration timeout) {
        try {
            Files.createDirectories(work.resolve("tmp"));
            System.setProperty("h2.bindAddress", "127.0.0.1"); // H2 binds every interface otherwise
            database = Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-ifNotExists")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (int member = 1; member <= size; member++) {
            launch(member);
        }
        for (int member = 1; member <= size; member++) {
            awaitReady(member, timeout);
        }
    }

    /** The base URL of a member (1..size). */
    URL url(int member) {
        try {
            return URI.create("http://127.0.0.1:" + (httpBase + member) + "/").toURL();
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
    void kill(int member) throws InterruptedException {
        Process process = processes[member];
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a member again (after {@link #kill}) and waits until it serves the API. */
    void restart(int member, Duration timeout) {
        launch(member);
        awaitReady(member, timeout);
    }

    /** The PID of a member's process. */
    long pid(int member) {
        return processes[member].pid();
    }

    /** The end of a member's log, for failure messages. */
    String logTail(int member) {
        try {
            List<String> lines = Files.readAllLines(logFile(member), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A member's whole log (it lists the data grid's members whenever they change). */
    String logText(int member) {
        try {
            return Files.readString(logFile(member), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
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
                    String.valueOf(httpBase + member),
                    "--disablephonehome",
                    "--prebootcommandfile",
                    preboot.toString()));
            processes[member] = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(logFile(member).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's loopback pre-boot commands, then this member's cluster settings. */
    private String preboot(int member) throws IOException {
        String members = IntStream.rangeClosed(1, size)
                .mapToObj(m -> "127.0.0.1:" + (hazelcastBase + m))
                .collect(Collectors.joining(","));
        return Files.readString(Path.of("server-config/payara/preboot.asadmin"), StandardCharsets.UTF_8)
                + "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:tcp://127.0.0.1:" + databasePort
                + "/mem:piston;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000\n"
                + "set hazelcast-runtime-configuration.start-port=" + (hazelcastBase + member) + "\n"
                + "set hazelcast-runtime-configuration.tcpip-members=" + members + "\n"
                + "set hazelcast-runtime-configuration.cluster-group-name=piston-cluster-it-" + httpBase + "\n";
    }

    private void awaitReady(int member, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (httpBase + member) + "/api/posts"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!processes[member].isAlive()) {
                throw new IllegalStateException("Member " + member + " exited while starting:\n" + logTail(member));
            }
            try {
                if (CLIENT.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                "Member " + member + " did not start within " + timeout + ":\n" + logTail(member));
    }

    private Path logFile(int member) {
        return work.resolve("member-" + member + ".log");
    }

    private synchronized void stopAll() {
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            try {
                if (process != null && !process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (database != null) {
            database.stop();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
