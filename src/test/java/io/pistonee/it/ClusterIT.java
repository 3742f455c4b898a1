package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.server.ServerProcess;
import io.pistonee.security.PasswordHash;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Payara Micro instances of the example WAR as one cluster (Hazelcast over TCP/IP on
 * 127.0.0.1, one shared H2 server database), started by this test, spoken to directly: client-side
 * round robin instead of a load balancer. Proves that throttles, tokens, login limits and the
 * database's view hold for the cluster as a whole, and that a member killed with SIGKILL under load
 * loses no acknowledged write, leaves the others serving and rejoins when started again.
 *
 * <p>The members boot together (about a minute on two shared cores); the tests run in order, the kill
 * last. Throttle for {@code post_updates}: {@value #BUDGET} per hour (configured for this test by
 * system properties, as an operator would), so a run never straddles a window boundary unnoticed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int MEMBERS = 3;
    private static final int BUDGET = 12;
    private static final Duration BOOT = Duration.ofMinutes(6);

    private static PayaraCluster cluster;
    private static String revokedAccessToken;
    private static String revokedFamilyAccessToken;

    @BeforeAll
    static void startCluster() {
        cluster = new PayaraCluster(
                Path.of("target", "cluster"),
                Path.of(System.getProperty("payara.micro.jar", "target/payara-micro.jar")),
                Path.of(System.getProperty("piston.war", "target/piston-ee-example.war")),
                MEMBERS,
                List.of(
                        "-Xmx320m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dhazelcast.phone.home.enabled=false",
                        "-Dhazelcast.socket.bind.any=false",
                        "-Dpiston.throttle.post_updates.requests=" + BUDGET,
                        "-Dpiston.throttle.post_updates.per=3600"));
        Instant start = Instant.now();
        cluster.start(BOOT);
        System.out.println("Cluster of " + MEMBERS + " ready in " + Duration.between(start, Instant.now()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void tokensIssuedByOneMemberWorkOnEveryOtherAndRotationAndRevocationReachThemAll() {
        JsonNode tokens = Http.json(member(1).passwordGrant("testuser", "foobar"));
        String access = tokens.get("access_token").asText();
        String firstRefresh = tokens.get("refresh_token").asText();
        assertEveryMember(access, 200, "accepts member 1's token");

        HttpResponse<String> rotated = refresh(2, firstRefresh);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String secondRefresh = Http.json(rotated).get("refresh_token").asText();
        String secondAccess = Http.json(rotated).get("access_token").asText();
        assertInvalidGrant(refresh(3, firstRefresh)); // reused on another member: the family is revoked
        assertInvalidGrant(refresh(1, secondRefresh));
        assertEveryMember(access, 401, "refuses the first access token of the family revoked on member 3");
        assertEveryMember(secondAccess, 401, "refuses the refreshed access token of the family revoked on member 3");

        JsonNode third = Http.json(member(3).passwordGrant("testuser", "foobar"));
        JsonNode fourth = Http.json(member(2).passwordGrant("testuser", "foobar"));
        String thirdRefresh = third.get("refresh_token").asText();
        assertThat(revoke(1, thirdRefresh).statusCode()).isEqualTo(200);
        assertInvalidGrant(refresh(2, thirdRefresh));
        assertEveryMember(
                third.get("access_token").asText(), 401, "refuses the access token of a family revoked on member 1");
        String fourthAccess = fourth.get("access_token").asText();
        assertEveryMember(fourthAccess, 200, "accepts a token of another family");

        assertThat(revoke(1, fourthAccess).statusCode()).isEqualTo(200);
        assertEveryMember(fourthAccess, 401, "refuses the token revoked on member 1");
        revokedAccessToken = fourthAccess;
        revokedFamilyAccessToken = secondAccess;
    }

    @Test
    @Order(2)
    void failedLoginsCountOnEveryMember() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(member(attempt % MEMBERS + 1)
                            .as("mallory", "guess" + attempt)
                            .get("posts")
                            .statusCode())
                    .isEqualTo(401);
        }
        for (int m = 1; m <= MEMBERS; m++) {
            HttpResponse<String> refused = member(m).as("mallory", "guess").get("posts");
            assertThat(refused.statusCode()).as("member %d", m).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    @Order(3)
    void aThrottleLetsItsBudgetThroughForTheWholeClusterNotPerMember() throws Exception {
        int requests = BUDGET * MEMBERS;
        List<Long> ids = createPosts(requests);
        Windows.awayFromTheEnd(Duration.ofHours(1), Duration.ofSeconds(30));
        Map<Integer, AtomicInteger> passed = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int m = i % MEMBERS + 1;
                long id = ids.get(i);
                sent.add(clients.submit(() -> {
                    HttpResponse<String> response = member(m)
                            .as("testuser", "foobar")
                            .send(
                                    "PATCH",
                                    "posts/" + id,
                                    "{\"title\":\"patched\"}",
                                    "Content-Type",
                                    "application/merge-patch+json");
                    int status = response.statusCode();
                    if (status == 200) {
                        passed.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet();
                    } else if (status == 429) {
                        refused.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet();
                    } else {
                        unexpected.add(status + " " + response.body());
                    }
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("Throttle " + BUDGET + "/h, " + requests + " PATCHes round robin: 200 per member " + passed
                + ", 429 per member " + refused);
        assertThat(unexpected).isEmpty();
        assertThat(passed.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(BUDGET);
        assertThat(refused.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(requests - BUDGET);
    }

    @Test
    @Order(4)
    void aPasswordChangedInTheDatabaseIsSeenByEveryMemberAtOnce() throws Exception {
        for (int m = 1; m <= MEMBERS; m++) {
            assertThat(member(m).as("otheruser", "barfoo").get("posts").statusCode())
                    .isEqualTo(200);
            assertThat(member(m).as("otheruser", "barfoo").get("posts").statusCode())
                    .isEqualTo(200); // now from the credential cache
        }

        try (Connection db = cluster.database();
                PreparedStatement update =
                        db.prepareStatement("UPDATE blog_author SET password_hash = ? WHERE username = ?")) {
            update.setString(1, PasswordHash.hash("n3w-secret".toCharArray(), 1000));
            update.setString(2, "otheruser");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        for (int m = 1; m <= MEMBERS; m++) {
            assertThat(member(m).as("otheruser", "barfoo").get("posts").statusCode())
                    .as("member %d refuses the old password", m)
                    .isEqualTo(401);
            assertThat(member(m).as("otheruser", "n3w-secret").get("posts").statusCode())
                    .as("member %d accepts the new password", m)
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void anUpdateThroughOneMemberIsNeverServedStaleByAnother() {
        long id = createPosts(1).get(0);
        for (int round = 0; round < 9; round++) {
            int writer = round % MEMBERS + 1;
            String title = "version " + round;
            HttpResponse<String> patched = member(writer)
                    .as("admin", "adminpass")
                    .send(
                            "PATCH",
                            "posts/" + id,
                            "{\"title\":\"" + title + "\"}",
                            "Content-Type",
                            "application/merge-patch+json");
            assertThat(patched.statusCode()).isEqualTo(200);
            for (int m = 1; m <= MEMBERS; m++) {
                assertThat(Http.json(member(m).get("posts/" + id)).get("title").asText())
                        .as("member %d after an update through member %d", m, writer)
                        .isEqualTo(title);
            }
        }
    }

    @Test
    @Order(6)
    void aMemberKilledUnderLoadLosesNoAcknowledgedWriteAndRejoinsWhenRestarted() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> survivorsFailed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger toVictim = new AtomicInteger();
        int victim = 2;
        Instant killAt = Instant.now().plusSeconds(6);
        Instant end = killAt.plusSeconds(10);
        long[] killed = {0};
        ExecutorService writers = Executors.newFixedThreadPool(MEMBERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < MEMBERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; Instant.now().isBefore(end); n++) {
                        int m = (writer + n) % MEMBERS + 1;
                        String title = "load " + writer + "-" + n;
                        boolean victimDead = killed[0] != 0;
                        try {
                            HttpResponse<String> created = member(m)
                                    .as("testuser", "foobar")
                                    .post("posts", "{\"title\":\"" + title + "\",\"content\":\"steady load\"}");
                            if (created.statusCode() == 201) {
                                acknowledged.put(Http.json(created).get("id").asLong(), title);
                            } else if (m != victim) {
                                survivorsFailed.add("member " + m + ": " + created.statusCode() + " " + created.body());
                            }
                        } catch (RuntimeException e) {
                            if (m != victim) {
                                survivorsFailed.add("member " + m + ": " + e);
                            } else if (victimDead) {
                                toVictim.incrementAndGet();
                            }
                        }
                        ServerProcess.pause(Duration.ofMillis(100));
                    }
                }));
            }
            ServerProcess.pause(Duration.between(Instant.now(), killAt));
            killed[0] = cluster.pid(victim);
            cluster.kill(victim);
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        System.out.println("Under load: " + acknowledged.size() + " writes acknowledged; member " + victim + " (pid "
                + killed[0] + ") killed; " + toVictim + " requests to it refused afterwards");
        assertThat(survivorsFailed).as("the surviving members keep serving").isEmpty();
        assertThat(acknowledged).hasSizeGreaterThan(30);

        Map<Long, String> stored = new java.util.HashMap<>();
        try (Connection db = cluster.database();
                PreparedStatement select =
                        db.prepareStatement("SELECT id, title FROM blog_post WHERE title LIKE 'load %'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getLong(1), rows.getString(2));
            }
        }
        assertThat(stored).as("every acknowledged write is in the database").containsAllEntriesOf(acknowledged);
        for (Map.Entry<Long, String> write : acknowledged.entrySet()) {
            if (write.getKey() % 10 == 0) {
                assertThat(Http.json(member(3).get("posts/" + write.getKey()))
                                .get("title")
                                .asText())
                        .isEqualTo(write.getValue());
            }
        }

        Instant restart = Instant.now();
        cluster.restart(victim, BOOT);
        System.out.println("Member " + victim + " restarted in " + Duration.between(restart, Instant.now()));
        // It joined the others' data grid: the state they kept while it was gone is its state too.
        assertThat(member(victim)
                        .with("Authorization", "Bearer " + revokedAccessToken)
                        .get("posts?limit=1")
                        .statusCode())
                .as("the restarted member knows the token revoked before it was killed")
                .isEqualTo(401);
        assertThat(member(victim)
                        .with("Authorization", "Bearer " + revokedFamilyAccessToken)
                        .get("posts?limit=1")
                        .statusCode())
                .as("the restarted member knows the family revoked before it was killed")
                .isEqualTo(401);
        assertThat(member(victim)
                        .as("testuser", "foobar")
                        .send(
                                "PATCH",
                                "posts/" + acknowledged.keySet().iterator().next(),
                                "{\"title\":\"again\"}",
                                "Content-Type",
                                "application/merge-patch+json")
                        .statusCode())
                .as("the restarted member counts against the budget the others spent")
                .isEqualTo(429);
        assertThat(member(victim).as("testuser", "foobar").get("posts").statusCode())
                .isEqualTo(200);
    }

    private static Http member(int m) {
        return new Http(cluster.url(m));
    }

    /** Every member answers this status to a request with this bearer token. */
    private static void assertEveryMember(String accessToken, int status, String what) {
        for (int m = 1; m <= MEMBERS; m++) {
            HttpResponse<String> response =
                    member(m).with("Authorization", "Bearer " + accessToken).get("posts?limit=1");
            assertThat(response.statusCode()).as("member %d %s", m, what).isEqualTo(status);
            if (status == 401) {
                assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                        .contains("error=\"invalid_token\"");
            }
        }
    }

    private static HttpResponse<String> refresh(int m, String token) {
        return oauth(m, "oauth/token", "grant_type=refresh_token&refresh_token=" + token);
    }

    private static HttpResponse<String> revoke(int m, String token) {
        return oauth(m, "oauth/revoke", "token=" + token);
    }

    private static HttpResponse<String> oauth(int m, String path, String form) {
        return member(m)
                .send(
                        "POST",
                        path,
                        form,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        Http.basic("example-client", "example-secret"));
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_grant");
    }

    /** Posts by testuser, created in one bulk request; their ids. */
    private static List<Long> createPosts(int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"title\":\"post ")
                    .append(i)
                    .append("\",\"content\":\"c\"}");
        }
        HttpResponse<String> created = member(1)
                .as("testuser", "foobar")
                .post("posts", body.append(']').toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        JsonNode items = Http.json(created);
        (items.isArray() ? items : List.of(items))
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
