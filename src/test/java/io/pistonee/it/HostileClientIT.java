package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Every answer is a 4xx RFC 9457 problem, and nothing is written.
 */
@ExtendWith(ArquillianExtension.class)
class HostileClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
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
