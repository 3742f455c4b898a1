package io.pistonee.it.server;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.protocol.servlet5.v_5.ServletProtocol;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Payara Micro for Arquillian, one process per deployment, replacing the adapter's own container
 * (which {@link ServerExtension} swaps out) while reading the same {@code arquillian.xml} settings:
 * {@code microJar}, {@code cmdOptions}, {@code extraMicroOptions} (with the base
 * {@code --prebootcommandfile}) and {@code startupTimeoutInSeconds}.
 *
 * <p>What it guarantees that the adapter did not: a test only ever talks to the server that booted
 * its own deployment. Each boot gets a free HTTP port and a free Hazelcast port with a cluster name
 * of its own (the adapter reused one fixed port and one cluster for every boot, and stopped a server
 * with SIGTERM without waiting, so the next boot could meet, or join, one that was still going); the
 * previous server is gone, by its PID, before the next starts; a deployment Payara logged as failed
 * ({@code "Deployed": []}) fails here with Payara's reason (the adapter reported success); and the
 * deployment is returned only once its URL answers HTTP.
 *
 * <p>Each server's output is in {@code <it.servers.dir>/<n>-<war>/server.log}. For failure messages
 * it publishes, as system properties of the test JVM, {@code it.server.url} (the server's root),
 * {@code it.server} (which server, PID) and {@code it.server.log}.
 */
public final class PayaraMicroContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final AtomicInteger BOOTS = new AtomicInteger();
    /** Payara Micro's last line of a boot, on 6 and 7: "Payara Micro 6.2025.10 (build 42) ready in 11,394 (ms)". */
    private static final Pattern READY = Pattern.compile("Payara Micro \\S+ .*ready in [\\d,.]+ \\(ms\\)");

    /** How long a booted server's URL gets to answer. */
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private PayaraMicroContainerConfiguration configuration;
    private ServerProcess server;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription(ServletProtocol.PROTOCOL_NAME); // unused: every IT runs as a client
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        stopServer();
        try {
            return boot(archive);
        } catch (ServerProcess.BootTimeout e) {
            // Payara Micro 7 once hung while starting Hazelcast, before deploying the WAR, with
            // nothing in its log (a fresh-clone run on 2026-12-02): one fresh boot on other ports,
            // once. The hung boot's log, with its thread dump, stays beside the new one.
            System.err.println(e.getMessage() + "\nBooting it once more.");
            stopServer();
            try {
                return boot(archive);
            } catch (ServerProcess.BootTimeout again) {
                throw new DeploymentException(again.getMessage(), again);
            }
        }
    }

    private ProtocolMetaData boot(Archive<?> archive) throws DeploymentException {
        String app = archive.getName().replaceFirst("\\.war$", "");
        List<Integer> ports = FreePorts.take(2);
        int http = ports.get(0);
        try {
            server = boot(archive, serversDir().resolve(BOOTS.incrementAndGet() + "-" + app), http, ports.get(1));
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Could not start Payara Micro for " + archive.getName(), e);
        }
        publish(http);
        try {
            String contextRoot = awaitDeployed(archive.getName(), app);
            // Any status: the listener is up and serving.
            server.awaitHttp(URI.create(root(http)).resolve(contextRoot.substring(1) + "/"), status -> true, ANSWER);
            HTTPContext context = new HTTPContext("127.0.0.1", http);
            context.add(new Servlet(app, contextRoot));
            return new ProtocolMetaData().addContext(context);
        } catch (ServerProcess.BootTimeout e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        stopServer();
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Writes the WAR and this boot's pre-boot file under {@code dir} and starts Payara Micro on the ports. */
    private ServerProcess boot(Archive<?> archive, Path dir, int http, int hazelcast) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Path war = dir.resolve(archive.getName());
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        String name = "Payara Micro (" + configuration.getMicroJarFile().getName() + ") for " + archive.getName()
                + " on " + root(http);
        return ServerProcess.start(name, command(war, dir, http, hazelcast), dir.resolve("server.log"));
    }

    /** Says which server the tests now talk to, for {@code Deployments.server} and failure messages. */
    private void publish(int http) {
        System.setProperty("it.server.url", root(http));
        System.setProperty("it.server", server.toString());
        System.setProperty("it.server.log", server.log().toString());
        System.setProperty("it.server.pid", String.valueOf(server.pid()));
    }

    /** Waits for the end of the boot; the context root Payara lists for the application under "Deployed". */
    private String awaitDeployed(String war, String app) {
        String log = server.awaitLog(READY, Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
        Matcher deployed = contextRootOf(app).matcher(log);
        if (!deployed.find()) {
            throw new IllegalStateException(server + " booted but did not deploy " + war
                    + " (\"Deployed\" does not list it)" + server.errors());
        }
        return deployed.group(1);
    }

    /** The java command: the configured JVM flags, then Payara Micro's, with this boot's ports. */
    private List<String> command(Path war, Path dir, int http, int hazelcast) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(configuration.getCmdOptions()));
        command.add("-Djava.io.tmpdir=" + dir.resolve("tmp")); // after cmdOptions: the last one wins
        command.addAll(List.of(
                "-jar", configuration.getMicroJarFile().getAbsolutePath(),
                "--deploy", war.toString(),
                "--port", String.valueOf(http)));
        List<String> options = words(configuration.getExtraMicroOptions());
        int preboot = options.indexOf("--prebootcommandfile");
        if (preboot < 0 || preboot + 1 >= options.size()) {
            throw new IllegalStateException(
                    "extraMicroOptions must name the base --prebootcommandfile (it keeps Payara Micro on loopback)");
        }
        options.set(
                preboot + 1,
                preboot(Path.of(options.get(preboot + 1)), dir, http, hazelcast).toString());
        command.addAll(options);
        return command;
    }

    /**
     * The base pre-boot commands, then this boot's Hazelcast settings: its own port, itself as the
     * only TCP/IP member and a cluster name of its own, so it can join no other server (a later
     * {@code set} of the same key wins).
     */
    private static Path preboot(Path base, Path dir, int http, int hazelcast) throws IOException {
        Path file = dir.resolve("preboot.asadmin");
        Files.writeString(
                file,
                Files.readString(base, StandardCharsets.UTF_8)
                        + "\nset hazelcast-runtime-configuration.start-port=" + hazelcast
                        + "\nset hazelcast-runtime-configuration.tcpip-members=127.0.0.1:" + hazelcast
                        + "\nset hazelcast-runtime-configuration.cluster-group-name=piston-it-" + http + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private void stopServer() {
        if (server != null) {
            ServerProcess stopping = server;
            server = null;
            Duration took = stopping.stop();
            System.out.println("Stopped " + stopping + " in " + took.toMillis() + " ms");
        }
    }

    /** Finds the context root Payara lists for {@code app} under "Deployed" (group 1). */
    private static Pattern contextRootOf(String app) {
        return Pattern.compile(
                "\"Name\": \"" + Pattern.quote(app) + "\",\\s*\"Type\": \"war\",\\s*\"Context Root\": \"([^\"]*)\"");
    }

    private static Path serversDir() {
        return Path.of(System.getProperty("it.servers.dir", System.getProperty("java.io.tmpdir")));
    }

    /** Options separated by spaces; a space escaped with a backslash belongs to the option. */
    private static List<String> words(String options) {
        if (options == null || options.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(options.trim().split("(?<!\\\\) +"))
                .map(word -> word.replace("\\ ", " "))
                .toList());
    }

    private static String root(int http) {
        return "http://127.0.0.1:" + http + "/";
    }
}
