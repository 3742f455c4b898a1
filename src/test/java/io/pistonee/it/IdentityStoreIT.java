package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.it.secured.GuardedHandler;
import io.pistonee.it.secured.WhoAmIHandler;
import io.pistonee.it.stores.AdminGroups;
import io.pistonee.it.stores.CallerTable;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
 * Security in a WAR of its own, without the example and without an {@code Accounts} bean: HTTP Basic
 * against a standard {@code @DatabaseIdentityStoreDefinition} (plus a store that only provides
 * groups), with the login limits, and bearer tokens of an external issuer that the server knows only
 * by {@code mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer}; the token endpoint stays off.
 * The issuer's key pair is made for this run.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityStoreIT {

    private static final String NAME = "stores";
    private static final String ISSUER = "https://issuer.example";
    private static final KeyPair ISSUER_KEYS = keyPair();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.library(
                        NAME, WhoAmIHandler.class, GuardedHandler.class, CallerTable.class, AdminGroups.class),
                "mp.jwt.verify.publickey="
                        + Base64.getEncoder()
                                .encodeToString(ISSUER_KEYS.getPublic().getEncoded()),
                "mp.jwt.verify.issuer=" + ISSUER,
                "piston.security.login.max-failures-per-user=2");
    }

    @ArquillianResource
    URL base;

    private Http anonymous;

    @BeforeEach
    void client() {
        anonymous = new Http(base);
    }

    @Test
    void basicCallersOfADatabaseIdentityStoreHaveItsGroupsAsRoles() {
        Http dbuser = anonymous.as("dbuser", "dbpass");

        assertThat(who(dbuser.get("whoami")))
                .containsEntry("name", "dbuser")
                .containsEntry("author", true)
                .containsEntry("admin", false);
        assertProblem(dbuser.get("guarded/1"), 403);
    }

    @Test
    void aStoreThatOnlyProvidesGroupsAddsItsGroups() {
        Http dbadmin = anonymous.as("dbadmin", "dbadminpass");

        assertThat(who(dbadmin.get("whoami")))
                .containsEntry("name", "dbadmin")
                .containsEntry("author", true)
                .containsEntry("admin", true);
        assertThat(dbadmin.get("guarded/1").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordOrUnknownUserIs401WithTheChallenges() {
        for (HttpResponse<String> response : List.of(
                anonymous.as("dbuser", "wrong").get("whoami"),
                anonymous.as("nobody", "dbpass").get("whoami"))) {
            JsonNode problem = assertProblem(response, 401);
            assertThat(problem.get("detail").asText()).isEqualTo("The user name or password is wrong.");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"piston\", charset=\"UTF-8\", Bearer realm=\"piston\"");
        }
    }

    @Test
    void failedLoginsAgainstTheStoreAreLimitedLikeAnyOther() {
        Http wrong = anonymous.as("dblocked", "wrong");
        assertProblem(wrong.get("whoami"), 401);
        assertProblem(wrong.get("whoami"), 401);

        HttpResponse<String> blocked = anonymous.as("dblocked", "dblockedpass").get("whoami");

        assertProblem(blocked, 429);
        assertThat(blocked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(anonymous.as("dbuser", "dbpass").get("whoami").statusCode()).isEqualTo(200);
    }

    @Test
    void bearerTokenOfTheExternalIssuerIsAccepted() {
        String token = Tokens.signedBy(ISSUER_KEYS.getPrivate(), "extuser", claims -> claims.issuer(ISSUER));

        Map<String, Object> who = who(anonymous.get("whoami", "Authorization", "Bearer " + token));

        assertThat(who)
                .containsEntry("name", "extuser")
                .containsEntry("author", true)
                .containsEntry("admin", false)
                .containsEntry("token_subject", "extuser");
    }

    @Test
    void tokenSignedByAnotherKeyExpiredOrOfAnotherIssuerIs401() {
        Instant past = Instant.now().minusSeconds(600);
        Map<String, String> tokens = Map.of(
                "another key", Tokens.signedBy(keyPair().getPrivate(), "extuser", claims -> claims.issuer(ISSUER)),
                "expired",
                        Tokens.signedBy(
                                ISSUER_KEYS.getPrivate(),
                                "extuser",
                                claims -> claims.issuer(ISSUER)
                                        .issueTime(Date.from(past))
                                        .expirationTime(Date.from(past.plusSeconds(300)))),
                "another issuer",
                        Tokens.signedBy(
                                ISSUER_KEYS.getPrivate(),
                                "extuser",
                                claims -> claims.issuer("https://elsewhere.example")));

        tokens.forEach((kind, token) -> {
            HttpResponse<String> response = anonymous.get("whoami", "Authorization", "Bearer " + token);
            assertThat(assertProblem(response, 401).get("detail").asText())
                    .as(kind)
                    .isEqualTo("The bearer token is invalid, expired or not meant for this server.");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(kind)
                    .hasValueSatisfying(challenges -> assertThat(challenges).contains("error=\"invalid_token\""));
        });
    }

    @Test
    void tokenEndpointIsOffWithOnlyTheVerificationKeys() {
        HttpResponse<String> token = anonymous.send(
                "POST",
                "oauth/token",
                "grant_type=password&username=dbuser&password=dbpass",
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(assertProblem(token, 404).get("detail").asText()).isEqualTo("There is no resource at this path.");
        assertProblem(anonymous.get("oauth/jwks"), 404);
    }

    @Test
    void logsNoWarningAboutBearerKeys() {
        assertThat(ServerLog.sinceDeploymentOf(NAME)).doesNotContain("Piston EE application " + NAME + ":");
    }

    private static Map<String, Object> who(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().convertValue(Http.json(response), new TypeReference<Map<String, Object>>() {});
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
