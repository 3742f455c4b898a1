package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.pool.PoolProbe;
import io.pistonee.it.pool.Tick;
import io.pistonee.it.pool.TickExport;
import io.pistonee.it.pool.TickHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default data source's pool under pressure, as the servers are configured in
 * {@code server-config/}: a request that finds every connection taken waits the pool's bounded time
 * (5 s) and answers 503 with {@code Retry-After}, changing nothing; and exports that clients drop in
 * the middle give their cursor and connection back at once, and one whose client stops reading
 * after the listener's write timeout. {@link PoolProbe} counts the connections
 * the pool still hands out (its last request waits the bounded time, so each count takes about 5 s).
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionPoolIT {

    /**
     * About 22 MB of JSON per export: several times what the socket buffers between client and server
     * hold (on loopback each side's grows to about 4 MB), so an export the client stops reading is
     * still in the middle of its rows.
     */
    private static final int ROWS = 50_000;

    private static final int DROPPED = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withEntities(
                Deployments.library("pool", Tick.class, TickHandler.class, TickExport.class, PoolProbe.class),
                "java:comp/DefaultDataSource",
                Tick.class);
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void seed() {
        http = new Http(base);
        HttpResponse<String> seeded = http.post("probe/seed?rows=" + ROWS, "");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    }

    /**
     * The probe takes every connection and keeps them 12 s; a read and a write that come meanwhile
     * wait the pool's 5 s and answer 503 before it lets go. (A read on EclipseLink, outside a
     * transaction, waited 35 s before the framework turned EclipseLink's read retries off:
     * {@code EclipseLinkReads}.)
     */
    @Test
    void aRequestThatFindsEveryConnectionTakenWaitsABoundedTimeThenAnswers503() throws Exception {
        CompletableFuture<HttpResponse<String>> drain =
                CompletableFuture.supplyAsync(() -> http.post("probe/drain?hold=12000", ""));
        Thread.sleep(1500); // the probe takes every free connection at once, then waits for one more

        CompletableFuture<HttpResponse<String>> read =
                CompletableFuture.supplyAsync(() -> http.get("ticks/" + PoolProbe.FIRST_SEEDED));
        CompletableFuture<HttpResponse<String>> write =
                CompletableFuture.supplyAsync(() -> http.post("ticks", "{\"line\": \"lost\"}"));
        for (HttpResponse<String> response : List.of(write.get(), read.get())) {
            JsonNode problem = assertProblem(response, 503);
            assertThat(problem.get("detail").asText()).isEqualTo("The database is unavailable: retry later.");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        }
        assertThat(drain).as("the probe still holds every connection").isNotDone();

        HttpResponse<String> drained = drain.get();
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        assertThat(Integer.parseInt(drained.body())).isPositive();
        assertThat(http.get("ticks/" + PoolProbe.FIRST_SEEDED).statusCode()).isEqualTo(200);
        assertThat(http.get("ticks?limit=1&total=true").headers().firstValue("X-Total-Count"))
                .as("the refused write wrote nothing")
                .hasValue(String.valueOf(ROWS));
    }

    /**
     * 21 exports in flight, each holding a connection. 20 clients close the connection midway: their
     * connections are free a second later, and the log says nothing of it. The last client stops
     * reading but keeps the connection: the server's write blocks until the listener's write timeout
     * (30 s without progress: Grizzly's default on Payara, set in
     * {@code server-config/wildfly/piston.cli} on WildFly, where Undertow has none), which ends that
     * export like a departed client's and frees its connection too.
     */
    @Test
    void exportsDroppedOrStalledMidwayGiveTheirConnectionsBack() throws Exception {
        int idle = free();
        ServerLog log = ServerLog.ofServer();
        long mark = log.mark();

        List<Socket> dropped = new ArrayList<>();
        long start = System.nanoTime();
        try (Socket stalled = startExport()) {
            try {
                for (int i = 0; i < DROPPED; i++) {
                    dropped.add(startExport());
                }
                assertThat(free())
                        .as("each export in flight holds a connection")
                        .isEqualTo(idle - DROPPED - 1);
            } finally {
                for (Socket export : dropped) {
                    export.close(); // unread data in the socket: the server's next write fails
                }
            }
            Thread.sleep(1000);
            assertThat(free())
                    .as("connections free a second after 20 clients left; the stalled one's still taken")
                    .isEqualTo(idle - 1);

            Thread.sleep(Math.max(0, 31_000 - (System.nanoTime() - start) / 1_000_000));
            int free = free();
            while (free != idle && System.nanoTime() - start < 60_000_000_000L) {
                free = free();
            }
            assertThat(free)
                    .as(
                            "connections free %d s after the last client stopped reading",
                            (System.nanoTime() - start) / 1_000_000_000)
                    .isEqualTo(idle);
            assertThat(stalled.isClosed()).isFalse();
        }

        HttpResponse<String> whole = http.get("tick-export");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Http.json(whole)).hasSize(ROWS);
        assertThat(log.since(mark))
                .as("a client that leaves is no server error (the probe's exhausted pool is, on Payara)")
                .filteredOn(record -> !record.text().contains("RAR511"))
                .allMatch(ServerLog.Record::isQuiet);
    }

    /** The connections the pool hands out now (about 5 s: the last request waits the bounded time). */
    private int free() {
        HttpResponse<String> drained = http.post("probe/drain?hold=0", "");
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        return Integer.parseInt(drained.body());
    }

    /** Starts an export over a raw socket, reads its first 64 KiB and stops reading. */
    private Socket startExport() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
        String path = base.getPath() + (base.getPath().endsWith("/") ? "" : "/") + "api/tick-export";
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        int read = 0;
        while (read < 65_536) {
            int n = in.read(buffer);
            assertThat(n).as("the export ended after %d bytes", read).isPositive();
            read += n;
        }
        assertThat(new String(buffer, 0, Math.min(12, buffer.length), StandardCharsets.US_ASCII))
                .isNotEmpty();
        return socket;
    }
}
