package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.handlers.FaultyHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * The example application as a hostile client meets it, from outside: what the contract audit found
 * answering wrongly (a 500 for everybody, the server's own HTML error page, a valid token refused).
 * Every answer is a 4xx RFC 9457 problem, nothing is written, and the server log stays quiet. The
 * test handler {@code faulty} (a bug: 500) is added to the example, to show what a 5xx logs.
 */
@ExtendWith(ArquillianExtension.class)
class HostileClientIT {

    private static final String ALLOWED_ORIGIN = "http://localhost:3000";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example().addClass(FaultyHandler.class);
    }

    @ArquillianResource
    URL base;

    private Http testuser;

    @BeforeEach
    void client() {
        testuser = new Http(base).as("testuser", "foobar");
    }

    @Test
    void textNoFormatCanCarryIs400AndXmlListingsStayWhole() {
        int before = postCount();

        for (String title : new String[] {"\\ud800", "a\\u0000b", "\\udc00\\ud800", "bell\\u0007"}) {
            HttpResponse<String> response =
                    testuser.post("posts", "{\"title\": \"" + title + "\", \"content\": \"c\"}");

            JsonNode problem = assertProblem(response, 400);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("title");
            assertThat(problem.get("detail").asText()).contains("a character no format can carry");
        }
        assertProblem(
                testuser.send(
                        "PATCH",
                        "posts/1",
                        "{\"content\": \"\\ud800\"}",
                        "Content-Type",
                        "application/merge-patch+json"),
                400);
        HttpResponse<String> xml = testuser.get("posts?format=xml&limit=500");

        assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
        assertThat(parseXml(xml.body()).getDocumentElement().getTagName()).isEqualTo("response");
        assertThat(postCount()).isEqualTo(before);
        assertThat(testuser.post("posts", "{\"title\": \"tab\\t \\ud83d\\ude00\", \"content\": \"c\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aMalformedContentTypeIsAProblemNeverTheServersErrorPage() {
        int before = postCount();

        HttpResponse<String> post =
                testuser.post("posts", "{\"title\": \"t\", \"content\": \"c\"}", "Content-Type", "!!!");
        HttpResponse<String> get = testuser.get("posts/1", "Content-Type", "!!!");
        HttpResponse<String> token =
                new Http(base).send("POST", "oauth/token", "grant_type=client_credentials", "Content-Type", "!!!");

        for (HttpResponse<String> response : List.of(post, get, token)) {
            assertThat(assertProblem(response, 400).get("detail").asText())
                    .isEqualTo("The Content-Type header is not a media type such as application/json.");
            assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("Payara");
        }
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void aWildcardContentTypeNamesNoFormatAndIs415() {
        int before = postCount();

        for (String type : new String[] {"*/*", "application/*"}) {
            HttpResponse<String> response =
                    testuser.post("posts", "{\"title\": \"t\", \"content\": \"c\"}", "Content-Type", type);

            assertProblem(response, 415);
            assertThat(response.headers().firstValue("Accept-Post"))
                    .hasValueSatisfying(accepted -> assertThat(accepted).contains("application/json"));
        }
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void whatTheContainerAnswersItselfIsAProblemToo() {
        URI nothing = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/")
                .resolve("nothing");
        HttpResponse<String> outside = new Http(base).send("GET", nothing.toString(), null);

        assertProblem(outside, 404);
        assertThat(outside.body()).doesNotContainIgnoringCase("<html").doesNotContain("Payara");
    }

    @Test
    void theRuntimesOwnResourcesAreNotServed() {
        HttpResponse<String> wadl = testuser.get("application.wadl?format=xml");

        assertThat(wadl.statusCode()).as(wadl.body()).isEqualTo(404);
        assertThat(wadl.body()).doesNotContain("wadl.dev.java.net").doesNotContain("Jersey");
    }

    @Test
    void theOAuthEndpointsAnswerOtherMethodsWith405AndAllow() {
        HttpResponse<String> get = new Http(base).get("oauth/token");
        HttpResponse<String> delete = new Http(base).delete("oauth/jwks");
        HttpResponse<String> options = new Http(base).send("OPTIONS", "oauth/revoke", null);

        assertThat(assertProblem(get, 405).get("detail").asText()).contains("GET is not allowed");
        assertThat(get.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
        assertProblem(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow").orElse("").split(",\\s*"))
                .as("the runtime answers OPTIONS itself, in its own order")
                .contains("POST");
        assertProblem(new Http(base).get("oauthx/token"), 404);
        assertProblem(testuser.send("PATCH", "nothing", "{}", "Content-Type", "application/merge-patch+json"), 404);
    }

    @Test
    void theTokenEndpointsFormIsBoundedLikeEveryBody() {
        String huge = "grant_type=password&username=" + "a".repeat(2 * 1024 * 1024) + "&password=foobar";

        HttpResponse<String> token =
                new Http(base).send("POST", "oauth/token", huge, "Content-Type", "application/x-www-form-urlencoded");

        assertProblem(token, 413);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        HttpResponse<String> issued = new Http(base).passwordGrant("testuser", "foobar");
        String token = Http.json(issued).get("access_token").asText();

        for (String scheme : new String[] {"bearer", "BEARER", "Bearer"}) {
            HttpResponse<String> response = new Http(base).get("posts/1", "Authorization", scheme + " " + token);

            assertThat(response.statusCode())
                    .as(scheme + ": " + response.body())
                    .isEqualTo(200);
            assertThat(Http.json(response).get("author").get("username").asText())
                    .isEqualTo("testuser");
        }
    }

    @Test
    void formBodiesThatAreNotTextInTheirCharsetAre400() {
        int before = postCount();

        HttpResponse<String> notUtf8 =
                testuser.post("posts", "title=%ff%fe&content=c", "Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> badEscape =
                testuser.post("posts", "title=%zz&content=c", "Content-Type", "application/x-www-form-urlencoded");

        assertThat(assertProblem(notUtf8, 400).get("detail").asText())
                .isEqualTo("Malformed form data: the text is not valid UTF-8.");
        assertThat(assertProblem(badEscape, 400).get("detail").asText())
                .isEqualTo("Malformed form data: '%' must be followed by two hexadecimal digits.");
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void problemsNeverNameJavaClassesOrParserSwitches() {
        HttpResponse<String> missing = testuser.get("posts/99999");
        HttpResponse<String> nan = testuser.post("posts", "{\"title\": NaN, \"content\": \"c\"}");
        HttpResponse<String> unclosed =
                testuser.send("PATCH", "posts/1", "{", "Content-Type", "application/merge-patch+json");

        assertProblem(missing, 404);
        assertProblem(nan, 400);
        assertProblem(unclosed, 400);
        for (HttpResponse<String> response : List.of(missing, nan, unclosed)) {
            assertThat(response.body())
                    .doesNotContain("BlogPost")
                    .doesNotContain("Source:")
                    .doesNotContain("`");
        }
    }

    @Test
    void clientErrorsLeaveTheLogQuietAndAServerErrorLogsItsCauseOnce() throws Exception {
        Http anonymous = new Http(base);
        assertThat(anonymous.get("posts/1").statusCode()).isEqualTo(200); // first-request set-up logs INFO
        ServerLog log = ServerLog.ofServer();
        long mark = log.mark();

        int requests = provokeEveryKindOfClientError();
        String id = "hostile-" + UUID.randomUUID();
        HttpResponse<String> failure = anonymous.get("faulty", "X-Request-Id", id);

        String incident = assertProblem(failure, 500).get("incident").asText();
        assertThat(incident).as("a 5xx names the request id as its incident").isEqualTo(id);
        assertThat(failure.headers().allValues("X-Request-Id")).containsExactly(id);
        log.await(mark, incident, Duration.ofSeconds(30));
        Thread.sleep(500); // the rest of that record, and anything logged after it
        List<ServerLog.Record> records = log.since(mark);
        int at = 0;
        while (!records.get(at).text().contains(incident)) {
            at++;
        }
        assertThat(records.subList(0, at))
                .as("what %d client errors logged: at most a line each, at INFO or below", requests)
                .allMatch(ServerLog.Record::isQuiet)
                .hasSizeLessThanOrEqualTo(requests);
        ServerLog.Record error = records.get(at);
        assertThat(error.level()).as(error.toString()).isEqualTo(ServerLog.SEVERE);
        assertThat(error.hasStackTrace()).as(error.toString()).isTrue();
        assertThat(error.text())
                .contains("IllegalStateException", FaultyHandler.class.getName())
                .as("the serving thread's name carries the request id")
                .contains("request=" + id);
        assertThat(records)
                .as("the 500's cause is logged once")
                .filteredOn(record ->
                        record.level() >= ServerLog.WARNING || record.text().contains(incident))
                .containsExactly(error);
    }

    // --- the edge: request ids, proxy headers, CORS (the example trusts loopback, allows localhost:3000)

    /**
     * Every answer carries {@code X-Request-Id}, the client's own when it sent a safe one: answers of
     * JAX-RS, the error page, RefusalFilter, the OAuth endpoints, the docs and the authentication
     * mechanism alike.
     */
    @Test
    void everyAnswerCarriesTheClientsSafeRequestId() {
        Http anonymous = new Http(base);
        String id = "edge-" + UUID.randomUUID();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("JAX-RS", anonymous.get("posts/1", "X-Request-Id", id));
        answers.put("error page", anonymous.get("../nothing", "X-Request-Id", id));
        answers.put("refusal", anonymous.send("POST", "posts", "{}", "Content-Type", "no type", "X-Request-Id", id));
        answers.put(
                "OAuth",
                anonymous.send(
                        "POST",
                        "oauth/token",
                        "grant_type=nothing",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Request-Id",
                        id));
        answers.put("docs", anonymous.get("../docs", "X-Request-Id", id));
        answers.put("mechanism", anonymous.get("audit", "Authorization", "Basic !!!", "X-Request-Id", id));

        assertThat(answers.get("JAX-RS").statusCode()).isEqualTo(200);
        assertThat(answers.get("error page").statusCode()).isEqualTo(404);
        assertThat(answers.get("refusal").statusCode()).isEqualTo(400);
        assertThat(answers.get("OAuth").statusCode()).isEqualTo(401);
        assertThat(answers.get("docs").statusCode()).isEqualTo(200);
        assertThat(answers.get("mechanism").statusCode()).isBetween(400, 401);
        answers.forEach((what, answer) -> assertThat(answer.headers().allValues("X-Request-Id"))
                .as(what + " " + answer.statusCode())
                .containsExactly(id));
    }

    /** An unsafe or oversized id is replaced by a new one, never echoed; never a 500. */
    @Test
    void anUnsafeRequestIdIsReplacedNeverReflected() throws IOException {
        Http anonymous = new Http(base);
        for (String unsafe : List.of("a b", "<script>alert(1)</script>", "a;b=c", "x".repeat(129))) {
            HttpResponse<String> answer = anonymous.get("posts/1", "X-Request-Id", unsafe);

            assertThat(answer.statusCode()).as(unsafe).isEqualTo(200);
            assertThat(answer.headers().allValues("X-Request-Id"))
                    .as(unsafe)
                    .singleElement()
                    .satisfies(id -> assertThat(id).matches(UUID_PATTERN));
            assertThat(answer.body()).doesNotContain(unsafe);
        }
        String huge = rawGet("/api/posts/1", "X-Request-Id: " + "x".repeat(10_000));
        assertThat(huge)
                .as("the server's parser may refuse the header; else a new id")
                .doesNotContain("x".repeat(129));
        assertThat(huge).doesNotStartWith("HTTP/1.1 5");
        if (huge.startsWith("HTTP/1.1 200")) {
            assertThat(huge).containsPattern("(?i)X-Request-Id: " + UUID_PATTERN + "\r\n");
        }
    }

    /** A line the application logs while serving a request carries the request's id (in the thread's name). */
    @Test
    void anApplicationsLogLineCarriesTheRequestId() throws InterruptedException {
        ServerLog log = ServerLog.ofServer();
        long mark = log.mark();
        String id = "logged-" + UUID.randomUUID();

        assertThat(new Http(base)
                        .post("faulty", "{\"a\": 1}", "X-Request-Id", id)
                        .statusCode())
                .isEqualTo(202);

        log.await(mark, FaultyHandler.ACCEPTED, Duration.ofSeconds(30));
        assertThat(log.since(mark))
                .filteredOn(record -> record.text().contains(FaultyHandler.ACCEPTED))
                .singleElement()
                .satisfies(record -> assertThat(record.text()).contains("request=" + id));
    }

    /**
     * From loopback (a trusted proxy in the example), {@code X-Forwarded-Proto} and {@code -Host}, or
     * {@code Forwarded} with {@code X-Forwarded-Prefix}, make {@code Location}, {@code resource_uri}
     * and {@code Link} the public ones.
     */
    @Test
    void proxyHeadersFromATrustedProxyMakeEveryLinkPublic() {
        String root = URI.create(base.toString()).getPath();
        String publicRoot = "https://api.example.com" + root + "api/";
        Http proxied = testuser.with("X-Forwarded-Proto", "https").with("X-Forwarded-Host", "api.example.com");

        HttpResponse<String> created = proxied.post("posts", "{\"title\": \"Proxied\", \"content\": \"c\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        try {
            assertThat(location).startsWith(publicRoot + "posts/");
            assertThat(Http.json(proxied.get("posts/1")).path("resource_uri").asText())
                    .isEqualTo(publicRoot + "posts/1");
            assertThat(String.join(", ", proxied.get("posts?limit=1").headers().allValues("Link")))
                    .contains("<" + publicRoot + "posts?")
                    .doesNotContain("127.0.0.1");
            HttpResponse<String> forwarded = new Http(base)
                    .get(
                            "posts/1",
                            "Forwarded",
                            "for=203.0.113.7;proto=https;host=\"api.example.com:8443\"",
                            "X-Forwarded-Prefix",
                            "/blog");
            assertThat(Http.json(forwarded).path("resource_uri").asText())
                    .isEqualTo("https://api.example.com:8443/blog" + root + "api/posts/1");
        } finally {
            testuser.delete(location.substring(location.indexOf("posts/")));
        }
    }

    /** Proxy headers that do not parse are ignored, each on its own: the request's own URL stays; never a 500. */
    @Test
    void malformedProxyHeadersAreIgnored() throws IOException {
        Http anonymous = new Http(base);
        String own = URI.create(base.toString()).resolve("api/posts/1").toString();
        List<String[]> hostile = List.of(
                new String[] {"Forwarded", "proto=https;host"},
                new String[] {"Forwarded", "host=\"unterminated"},
                new String[] {"Forwarded", "host=api.example.com;host=evil.example"},
                new String[] {"X-Forwarded-Host", "evil.example/path"},
                new String[] {"X-Forwarded-Host", "user@evil.example"},
                new String[] {"X-Forwarded-Host", "evil.example:99999"},
                new String[] {"X-Forwarded-Host", "<script>"},
                new String[] {"X-Forwarded-Port", "http"},
                new String[] {"X-Forwarded-Proto", "javascript"},
                new String[] {"X-Forwarded-Prefix", "//evil.example"},
                new String[] {"X-Forwarded-Prefix", "/a/../../b"});
        for (String[] header : hostile) {
            HttpResponse<String> answer = anonymous.get("posts/1", header);

            assertThat(answer.statusCode()).as(String.join(": ", header)).isEqualTo(200);
            assertThat(Http.json(answer).path("resource_uri").asText())
                    .as(String.join(": ", header))
                    .isEqualTo(own);
        }
        String folded = rawGet("/api/posts/1", "X-Forwarded-Host: api.example.com\r\n Set-Cookie: evil=1");
        assertThat(folded)
                .doesNotStartWith("HTTP/1.1 5")
                .doesNotContain("Set-Cookie")
                .doesNotContain("evil");
    }

    /**
     * A preflight from the allowed origin is 204 with the Access-Control-Allow-* headers, answered by
     * the edge before any authorization: on a path anonymous callers may not read (admin only), and on
     * the token endpoint. Another origin's preflight is JAX-RS's ordinary OPTIONS, without any CORS
     * header.
     */
    @Test
    void aPreflightFromTheAllowedOriginIs204BeforeAuthorization() {
        Http anonymous = new Http(base);
        for (String path : List.of("audit", "posts/1", "oauth/token")) {
            HttpResponse<String> preflight = anonymous.send(
                    "OPTIONS",
                    path,
                    null,
                    "Origin",
                    ALLOWED_ORIGIN,
                    "Access-Control-Request-Method",
                    "PUT",
                    "Access-Control-Request-Headers",
                    "authorization, content-type, if-match");

            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            assertThat(preflight.body()).isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(ALLOWED_ORIGIN);
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElseThrow())
                    .contains("PUT", "DELETE", "PATCH");
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Headers")
                            .orElseThrow())
                    .contains("Authorization", "Content-Type", "If-Match");
            assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                    .isEmpty();
            assertThat(String.join(",", preflight.headers().allValues("Vary"))).contains("Origin");
            assertThat(preflight.headers().firstValue("X-Request-Id")).isPresent();
        }
        HttpResponse<String> foreign = anonymous.send(
                "OPTIONS", "audit", null, "Origin", "http://evil.example", "Access-Control-Request-Method", "GET");
        assertThat(foreign.statusCode())
                .isEqualTo(anonymous.send("OPTIONS", "audit", null).statusCode());
        assertThat(foreign.headers().firstValue("Allow"))
                .as("JAX-RS's own OPTIONS answer")
                .isPresent();
        assertThat(corsHeaders(foreign)).isEmpty();
    }

    /**
     * The allowed origin's answers carry Access-Control-Allow-Origin and expose the headers a page
     * needs, problems too; another origin's carry no CORS header; every answer varies on Origin.
     */
    @Test
    void theAllowedOriginMayReadAnswersAndNoOtherOrigin() {
        Http anonymous = new Http(base);
        HttpResponse<String> allowed = anonymous.get("posts?limit=1", "Origin", ALLOWED_ORIGIN);
        HttpResponse<String> refused = anonymous.get("audit", "Origin", ALLOWED_ORIGIN);
        HttpResponse<String> foreign = anonymous.get("posts?limit=1", "Origin", "http://evil.example");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains(
                        "ETag",
                        "Location",
                        "Link",
                        "RateLimit-Limit",
                        "RateLimit-Remaining",
                        "RateLimit-Reset",
                        "Retry-After",
                        "X-Request-Id",
                        "X-Total-Count");
        assertProblem(refused, 401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(corsHeaders(foreign)).isEmpty();
        for (HttpResponse<String> answer : List.of(allowed, refused, foreign)) {
            assertThat(String.join(",", answer.headers().allValues("Vary")))
                    .contains("Origin")
                    .contains("Accept");
        }
    }

    private static List<String> corsHeaders(HttpResponse<String> answer) {
        return answer.headers().map().keySet().stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"))
                .toList();
    }

    /** Sends one request (or a few) of every kind a client gets a 4xx for; returns how many it sent. */
    private int provokeEveryKindOfClientError() throws Exception {
        Http anonymous = new Http(base);
        Http mallory = new Http(base).as("mallory", "guess");
        Http otheruser = new Http(base).as("otheruser", "barfoo");
        Http admin = new Http(base).as("admin", "adminpass");
        long post = Http.json(testuser.post("posts", "{\"title\": \"Quiet\", \"content\": \"c\"}"))
                .get("id")
                .asLong();
        String etag = testuser.get("posts/" + post).headers().firstValue("ETag").orElseThrow();
        assertThat(testuser.put("posts/" + post, "{\"title\": \"Changed\", \"content\": \"c\"}")
                        .statusCode())
                .isEqualTo(200);
        List<Integer> statuses = new ArrayList<>();
        // Rejected credentials: a wrong password, malformed headers, a forged token, too many failures.
        for (int i = 0; i < 6; i++) {
            statuses.add(mallory.get("posts/1").statusCode());
        }
        assertThat(statuses).contains(401, 429);
        statuses.add(anonymous.get("posts/1", "Authorization", "Basic !!!").statusCode());
        statuses.add(
                anonymous.get("posts/1", "Authorization", "Bearer abc.def.ghi").statusCode());
        statuses.add(anonymous.passwordGrant("testuser", "wrong").statusCode());
        // Not allowed, not there, not acceptable, stale, too large, unsupported, malformed.
        statuses.add(testuser.get("export").statusCode());
        statuses.add(otheruser.delete("posts/" + post).statusCode());
        statuses.add(anonymous.get("posts/99999").statusCode());
        statuses.add(anonymous.get("posts%2F1").statusCode());
        statuses.add(anonymous.send("GET", outside("nothing"), null).statusCode());
        statuses.add(anonymous.send("HEAD", "posts/99999", null).statusCode());
        statuses.add(anonymous.delete("stats").statusCode());
        statuses.add(anonymous.send("TRACE", "posts/1", null).statusCode());
        statuses.add(anonymous.get("posts/1", "Accept", "image/png").statusCode());
        statuses.add(testuser.put("posts/" + post, "{\"title\": \"t\", \"content\": \"c\"}", "If-Match", etag)
                .statusCode());
        statuses.add(testuser.post("posts", "{\"title\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .statusCode());
        statuses.add(testuser.post("posts", "x", "Content-Type", "text/plain").statusCode());
        statuses.add(testuser.post("posts", "x", "Content-Type", "!!!").statusCode());
        statuses.add(testuser.post("posts", "{\"title\": ").statusCode());
        statuses.add(testuser.post("posts", "{\"title\": \"\"}").statusCode());
        statuses.add(
                testuser.post("posts", "<post><title>&undeclared;</title></post>", "Content-Type", "application/xml")
                        .statusCode());
        // Throttled: admin's 20 updates a minute.
        for (int i = 0; i < 21; i++) {
            statuses.add(admin.put("posts/" + post, "{\"title\": \"Admin " + i + "\", \"content\": \"c\"}")
                    .statusCode());
        }
        statuses.addAll(racingUpdates(post));
        assertThat(statuses)
                .contains(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 429)
                .allMatch(status -> status < 500);
        return statuses.size() + 3;
    }

    /** Updates of one post at once, so that some lose the race (409) after the database saw them. */
    private List<Integer> racingUpdates(long post) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String body = "{\"title\": \"Writer " + i + "\", \"content\": \"c\"}";
                answers.add(writers.submit(() -> testuser.put("posts/" + post, body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES).statusCode());
            }
            return statuses;
        } finally {
            writers.shutdown();
        }
    }

    @Test
    void whatTheServerLetsTheApplicationAnswerIsAProblem() {
        Http anonymous = new Http(base);

        HttpResponse<String> slash = anonymous.get("posts%2F1");
        HttpResponse<String> traced = anonymous.send("TRACE", "posts/1", null, "X-Probe", "c2VjcmV0");
        HttpResponse<String> tracedOutside = anonymous.send("TRACE", outside("nothing"), null, "X-Probe", "c2VjcmV0");
        HttpResponse<String> headMissing = anonymous.send("HEAD", "posts/99999", null);

        assertThat(assertProblem(slash, 404).get("detail").asText()).isEqualTo("There is no resource named 'posts/1'.");
        assertProblem(traced, 405);
        assertThat(traced.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET").doesNotContain("TRACE"));
        assertProblem(tracedOutside, 405);
        assertThat(tracedOutside.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        for (HttpResponse<String> trace : List.of(traced, tracedOutside)) {
            assertThat(trace.body()).as("never an echo of the request").doesNotContain("c2VjcmV0");
        }
        assertThat(headMissing.statusCode()).isEqualTo(404);
        assertThat(headMissing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(headMissing.body()).isEmpty();
    }

    /** What each server still answers itself, as docs/errors.md lists it: before the application is asked. */
    @Test
    void whatTheServerAnswersItselfIsWhatTheDocsSay() throws IOException {
        boolean payara = !System.getProperty("arquillian.launch", "").equals("wildfly");
        HttpResponse<String> nul = new Http(base).get("posts/%00");
        String oversized = rawGet("/api/posts/1", "X-Padding: " + "a".repeat(1_100_000));

        if (payara) {
            assertThat(nul.statusCode()).isEqualTo(400);
            assertThat(nul.body()).isEmpty();
        } else {
            assertProblem(nul, 404);
        }
        assertThat(oversized).startsWith("HTTP/1.1 400 ").contains("Content-Length: 0");
    }

    /** A GET with one extra header line, over a socket of its own (HTTP clients refuse huge headers). */
    private String rawGet(String path, String header) throws IOException {
        URI root = URI.create(base.toString());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + root.getPath().replaceAll("/$", "") + path + " HTTP/1.1\r\nHost: "
                    + root.getHost() + "\r\n" + header + "\r\nConnection: close\r\n\r\n";
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileSending) {
                // The server may answer and close before it read the whole header.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A URL of the application outside {@code /api}. */
    private String outside(String path) {
        return URI.create(base.toString().endsWith("/") ? base.toString() : base + "/")
                .resolve(path)
                .toString();
    }

    private int postCount() {
        return Http.json(testuser.get("stats")).get("posts").asInt();
    }

    private static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }
}
