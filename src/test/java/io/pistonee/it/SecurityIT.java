package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.secured.WhoAmIHandler;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Container security on the example application: HTTP Basic and Bearer JWTs side by side, the
 * anonymous twin of {@code posts}, roles per handler and per operation, object-level rules, and a
 * table of forged and broken credentials that must all be 401 problems. Tokens are minted at test
 * time ({@link Tokens}).
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final List<String> ANONYMOUS_FIELDS =
            List.of("id", "title", "content", "created_on", "resource_uri");
    private static final List<String> AUTHENTICATED_FIELDS =
            List.of("id", "title", "content", "author", "created_on", "content_length", "resource_uri");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example().addPackage(WhoAmIHandler.class.getPackage());
    }

    @ArquillianResource
    URL base;

    private Http anonymous;
    private Http testuser;
    private Http otheruser;
    private Http admin;

    @BeforeEach
    void clients() {
        anonymous = new Http(base);
        testuser = anonymous.as("testuser", "foobar");
        otheruser = anonymous.as("otheruser", "barfoo");
        admin = anonymous.as("admin", "adminpass");
    }

    @Test
    void anonymousCallersGetTheAnonymousTwinsFields() {
        HttpResponse<String> list = anonymous.get("posts");
        HttpResponse<String> one = anonymous.get("posts/1");

        assertThat(list.statusCode()).isEqualTo(200);
        // The example allows a CORS origin, so its answers vary on Origin too.
        assertThat(list.headers().firstValue("Vary")).hasValue("Accept, Authorization, Origin");
        for (JsonNode post : Http.json(list)) {
            assertThat(post.fieldNames()).toIterable().containsExactlyElementsOf(ANONYMOUS_FIELDS);
        }
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Http.json(one).fieldNames()).toIterable().containsExactlyElementsOf(ANONYMOUS_FIELDS);
        assertProblem(anonymous.get("posts/999999"), 404);
    }

    @Test
    void basicAndBearerCallersSeeTheAuthorAndTheComputedLength() {
        HttpResponse<String> basic = testuser.get("posts/1");
        HttpResponse<String> bearer =
                anonymous.get("posts/1", "Authorization", "Bearer " + Tokens.valid("otheruser", "author"));

        for (HttpResponse<String> response : List.of(basic, bearer)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode post = Http.json(response);
            assertThat(post.fieldNames()).toIterable().containsExactlyElementsOf(AUTHENTICATED_FIELDS);
            assertThat(post.get("author").toString()).isEqualTo("{\"username\":\"testuser\"}");
        }
        assertThat(Http.json(testuser.get("posts")).get(0).fieldNames())
                .toIterable()
                .containsExactlyElementsOf(AUTHENTICATED_FIELDS);
    }

    @Test
    void handlersSeeTheCallerThroughSecurityContextAndJsonWebToken() {
        JsonNode basic = Http.json(admin.get("whoami"));
        JsonNode bearer = Http.json(
                anonymous.get("whoami", "Authorization", "Bearer " + Tokens.valid("otheruser", "author", "reviewer")));
        JsonNode nobody = Http.json(anonymous.get("whoami"));

        assertThat(basic.get("name").asText()).isEqualTo("admin");
        assertThat(basic.get("admin").asBoolean()).isTrue();
        assertThat(basic.get("author").asBoolean()).isFalse();
        assertThat(basic.get("token_subject").isNull()).isTrue();
        assertThat(bearer.get("name").asText()).isEqualTo("otheruser");
        assertThat(bearer.get("author").asBoolean()).isTrue();
        assertThat(bearer.get("token_subject").asText()).isEqualTo("otheruser");
        assertThat(bearer.get("token_groups").toString()).contains("\"author\"", "\"reviewer\"");
        // Jakarta Security says null for an unauthenticated caller; WildFly answers a principal named "anonymous".
        assertThat(nobody.get("name").isNull() || nobody.get("name").asText().equals("anonymous"))
                .as(nobody.toString())
                .isTrue();
        assertThat(nobody.get("author").asBoolean()).isFalse();
        assertThat(nobody.get("admin").asBoolean()).isFalse();
    }

    @Test
    void anonymousWritesAre401WithBothChallengesNot405() {
        List<HttpResponse<String>> responses = List.of(
                anonymous.post("posts", "{\"title\":\"x\",\"content\":\"y\"}"),
                anonymous.put("posts/1", "{\"title\":\"x\",\"content\":\"y\"}"),
                anonymous.delete("posts/1"));

        for (HttpResponse<String> response : responses) {
            assertProblem(response, 401);
            assertChallenges(response);
        }
        assertThat(Http.json(anonymous.get("posts/1")).get("title").asText()).isEqualTo("Hello, Piston EE");
    }

    @Test
    void aMethodNoHandlerProvidesIsStill405() {
        HttpResponse<String> response = anonymous.post("posts/1", "{}");

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
    }

    @Test
    void anAuthorCreatesPostsAsHimselfAndChangesOnlyHisOwn() {
        HttpResponse<String> created = otheruser.post("posts", "{\"title\":\"Mine\",\"content\":\"By otheruser\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        JsonNode post = Http.json(created);
        assertThat(post.get("author").get("username").asText()).isEqualTo("otheruser");
        String path = "posts/" + post.get("id").asLong();

        JsonNode forbidden = assertProblem(testuser.put(path, "{\"title\":\"Stolen\",\"content\":\"x\"}"), 403);
        assertThat(forbidden.get("detail").asText()).contains("author");
        assertThat(testuser.put(path, "{\"title\":\"Stolen\",\"content\":\"x\"}")
                        .headers()
                        .firstValue("WWW-Authenticate"))
                .isEmpty();
        assertProblem(testuser.delete(path), 403);
        assertThat(Http.json(anonymous.get(path)).get("title").asText()).isEqualTo("Mine");

        assertThat(otheruser
                        .put(path, "{\"title\":\"Still mine\",\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.put(path, "{\"title\":\"Moderated\",\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.json(anonymous.get(path)).get("title").asText()).isEqualTo("Moderated");
        assertThat(admin.delete(path).statusCode()).isEqualTo(204);
        assertProblem(anonymous.get(path), 404);
    }

    @Test
    void anAuthenticatedCallerWithoutTheRoleIs403() {
        String reader = "Bearer " + Tokens.valid("reader", "reader");

        HttpResponse<String> response =
                anonymous.post("posts", "{\"title\":\"x\",\"content\":\"y\"}", "Authorization", reader);

        assertProblem(response, 403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(anonymous.get("posts/1", "Authorization", reader).statusCode())
                .isEqualTo(200);
    }

    @Test
    void rolesApplyPerHandlerAndPerOperation() {
        assertThat(anonymous.get("guarded").statusCode()).isEqualTo(200);
        assertChallenges(assertProblemResponse(anonymous.get("guarded/1"), 401));
        assertProblem(testuser.get("guarded/1"), 403);
        assertThat(Http.json(admin.get("guarded/1")).get("secret").asBoolean()).isTrue();
        assertProblem(admin.post("guarded", "{}"), 403);
        assertProblem(anonymous.post("guarded", "{}"), 403);
        assertProblem(testuser.delete("guarded/1"), 403);
        assertThat(admin.delete("guarded/1").statusCode()).isEqualTo(204);
    }

    @Test
    void everyForgedOrBrokenCredentialIs401WithAProblem() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("Basic with no credentials", "Basic");
        forged.put("Basic with blanks only", "Basic    ");
        forged.put("Basic, not base64", "Basic !!!not-base64!!!");
        forged.put("Basic, bad padding", "Basic dGVzdHVzZXI6Zm9vYmFy=");
        forged.put("Basic, truncated base64", "Basic dGVzdHVzZXI6Zm9vYmF");
        forged.put("Basic, two tokens", "Basic dGVzdHVzZXI6 Zm9vYmFy");
        forged.put("Basic without a colon", basic("testuserfoobar"));
        forged.put("Basic with an empty password", basic("testuser:"));
        forged.put("Basic with an empty user", basic(":foobar"));
        forged.put(
                "Basic, not UTF-8",
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':', 'x'}));
        forged.put("Basic with a control character", basic("test\u0001user:foobar"));
        forged.put("Basic, unknown user", basic("nobody:foobar"));
        forged.put("Basic, wrong password", basic("testuser:wrong"));
        forged.put("Basic, oversized", basic("testuser:" + "x".repeat(5000)));
        forged.put("a JWT under the Basic scheme", "Basic " + Tokens.valid("testuser", "author"));
        forged.put(
                "Basic credentials under the Bearer scheme",
                "Bearer " + basic("testuser:foobar").substring(6));
        forged.put("an unknown scheme", "Digest username=\"testuser\"");
        forged.put("Bearer with no token", "Bearer");
        forged.put("Bearer, garbage", "Bearer garbage");
        forged.put("Bearer, three garbage parts", "Bearer a.b.c");
        forged.put("Bearer, not token68", "Bearer abc def");
        forged.put("alg none", "Bearer " + Tokens.unsigned("admin"));
        forged.put("HS256 keyed with the public key", "Bearer " + Tokens.hmacWithPublicKey("admin"));
        forged.put("signed by another key", "Bearer " + Tokens.signedByAnotherKey("admin"));
        forged.put("tampered payload", "Bearer " + Tokens.tampered("testuser"));
        forged.put(
                "expired",
                "Bearer "
                        + Tokens.valid(
                                "testuser",
                                claims -> claims.expirationTime(ago(600)).issueTime(ago(1200))));
        forged.put(
                "not yet valid",
                "Bearer "
                        + Tokens.valid(
                                "testuser",
                                claims -> claims.notBeforeTime(
                                        Date.from(Instant.now().plusSeconds(3600)))));
        forged.put(
                "wrong issuer", "Bearer " + Tokens.valid("testuser", claims -> claims.issuer("https://evil.example")));
        forged.put("wrong audience", "Bearer " + Tokens.valid("testuser", claims -> claims.audience("someone-else")));
        forged.put(
                "no subject at all",
                "Bearer "
                        + Tokens.valid(
                                "testuser", claims -> claims.subject(null).claim("upn", null)));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> entry : forged.entrySet()) {
            HttpResponse<String> response = anonymous.get("posts", "Authorization", entry.getValue());
            if (response.statusCode() != 401
                    || !response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                    || !response.headers()
                            .firstValue("WWW-Authenticate")
                            .orElse("")
                            .contains("Bearer")) {
                wrong.add(entry.getKey() + " -> " + response.statusCode() + " " + response.body());
            } else {
                assertProblem(response, 401);
                assertChallenges(response);
            }
        }

        assertThat(forged).hasSizeGreaterThanOrEqualTo(15);
        assertThat(wrong).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        HttpResponse<String> response = anonymous.get(
                "posts", "Authorization", basic("testuser:foobar"), "Authorization", basic("admin:adminpass"));

        assertProblem(response, 401);
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> assertProblemResponse(HttpResponse<String> response, int status) {
        assertProblem(response, status);
        return response;
    }

    private static void assertChallenges(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("Basic realm=\"piston\"")
                .contains("Bearer realm=\"piston\"");
        assertThat(response.headers().firstValue("Vary").orElseThrow()).contains("Authorization");
    }
}
