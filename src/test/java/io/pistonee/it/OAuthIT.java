package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example's OAuth 2.0 token endpoint: the three grants, refresh token rotation and family
 * revocation, RFC 7009 revocation, the JWKS, and RFC 6749 §5.2 errors. Issued tokens are verified
 * with Nimbus JOSE against the served JWKS, and used against the API.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthIT {

    private static final String CLIENT = Http.basic("example-client", "example-secret");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    void passwordGrantIssuesAVerifiableRfc9068TokenTheApiAccepts() throws Exception {
        HttpResponse<String> response = token("grant_type=password&username=testuser&password=foobar", CLIENT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
        JsonNode body = Http.json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(900);
        assertThat(body.get("refresh_token").asText()).hasSizeGreaterThan(30);

        JWTClaimsSet claims = verified(body.get("access_token").asText());
        assertThat(claims.getIssuer()).isEqualTo("piston-ee-example");
        assertThat(claims.getSubject()).isEqualTo("testuser");
        assertThat(claims.getAudience()).containsExactly("piston-ee-example");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(900_000);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("client_id")).isEqualTo("example-client");
        assertThat(claims.getStringClaim("upn")).isEqualTo("testuser");
        assertThat(claims.getStringListClaim("groups")).containsExactly("author");
        assertThat(claims.getStringClaim("sid")).as("the refresh-token family").isNotBlank();

        String bearer = "Bearer " + body.get("access_token").asText();
        HttpResponse<String> created =
                http.post("posts", "{\"title\":\"By token\",\"content\":\"Bearer\"}", "Authorization", bearer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("author").get("username").asText()).isEqualTo("testuser");
        assertThat(http.delete("posts/" + Http.json(created).get("id").asLong(), "Authorization", bearer)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void clientCredentialsFromFormFieldsActForTheClientWithoutARefreshToken() throws Exception {
        HttpResponse<String> response = token(
                "grant_type=client_credentials&client_id=example-client&client_secret=example-secret&scope=read%20stats");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.get("scope").asText()).isEqualTo("read stats");
        JWTClaimsSet claims = verified(body.get("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo("example-client");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read stats");
        assertThat(claims.getStringListClaim("groups")).containsExactly("client");
        assertThat(claims.getClaim("sid")).as("no refresh token, no family").isNull();

        String bearer = "Bearer " + body.get("access_token").asText();
        assertThat(Http.json(http.get("posts/1", "Authorization", bearer)).has("author"))
                .isTrue();
        assertProblem(http.post("posts", "{\"title\":\"x\",\"content\":\"y\"}", "Authorization", bearer), 403);
    }

    @Test
    void refreshTokensRotateAndReusingOneRevokesItsFamilyAccessTokensIncluded() throws Exception {
        JsonNode granted = passwordGrant();
        String first = granted.get("refresh_token").asText();

        JsonNode refreshed = refreshed(first);
        String second = refreshed.get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(verified(refreshed.get("access_token").asText()).getStringClaim("sid"))
                .as("the same family")
                .isEqualTo(verified(granted.get("access_token").asText()).getStringClaim("sid"));
        assertAccepted(granted, refreshed);
        JsonNode otherFamily = passwordGrant();

        // first was used already: presenting it again revokes the family
        assertOAuthError(token("grant_type=refresh_token&refresh_token=" + first, CLIENT), 400, "invalid_grant");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=" + second, CLIENT), 400, "invalid_grant");
        assertRejected(granted, refreshed);
        assertAccepted(otherFamily);
    }

    /**
     * A user keeps the 20 newest logins per client ({@code piston.oauth.refresh-token.max-per-user}):
     * the 21st retires the oldest, whose refresh token stops working while its access token runs to
     * its end. So the store is bounded by the users, not by how often they log in.
     */
    @Test
    void aUserKeepsTheNewestTwentyLoginsPerClient() {
        JsonNode oldest = passwordGrant();
        List<JsonNode> newer = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            newer.add(passwordGrant());
        }

        assertOAuthError(
                token(
                        "grant_type=refresh_token&refresh_token="
                                + oldest.get("refresh_token").asText(),
                        CLIENT),
                400,
                "invalid_grant");
        assertAccepted(oldest);
        assertAccepted(refreshed(newer.get(0).get("refresh_token").asText()));
    }

    @Test
    void revokingARefreshTokenRejectsEveryAccessTokenOfItsFamilyAndNoOther() {
        JsonNode granted = passwordGrant();
        JsonNode refreshed = refreshed(granted.get("refresh_token").asText());
        JsonNode otherFamily = passwordGrant();
        assertAccepted(granted, refreshed, otherFamily);

        HttpResponse<String> revoked = send(
                "oauth/revoke",
                "token=" + refreshed.get("refresh_token").asText() + "&token_type_hint=refresh_token",
                CLIENT);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertRejected(granted, refreshed);
        assertAccepted(otherFamily, refreshed(otherFamily.get("refresh_token").asText()));
    }

    @Test
    void revokingARefreshTokenEndsItAndUnknownTokensAreNoError() {
        String refresh = refreshToken();

        HttpResponse<String> revoked =
                send("oauth/revoke", "token=" + refresh + "&token_type_hint=refresh_token", CLIENT);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertOAuthError(token("grant_type=refresh_token&refresh_token=" + refresh, CLIENT), 400, "invalid_grant");
        assertThat(send("oauth/revoke", "token=never-issued", CLIENT).statusCode())
                .isEqualTo(200);
        assertOAuthError(send("oauth/revoke", "token=" + refresh, null), 401, "invalid_client");
    }

    @Test
    void revokingAnAccessTokenRejectsItFromThenOn() {
        String access = Http.json(token("grant_type=password&username=testuser&password=foobar", CLIENT))
                .get("access_token")
                .asText();
        assertThat(http.get("posts/1", "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(200);

        HttpResponse<String> revoked =
                send("oauth/revoke", "token=" + access + "&token_type_hint=access_token", CLIENT);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertRejected(access);
    }

    @Test
    void errorsFollowRfc6749() {
        assertOAuthError(token("username=testuser", CLIENT), 400, "invalid_request");
        assertOAuthError(token("grant_type=authorization_code&code=x", CLIENT), 400, "unsupported_grant_type");
        assertOAuthError(token("grant_type=client_credentials&grant_type=password", CLIENT), 400, "invalid_request");
        assertOAuthError(
                token("grant_type=client_credentials&client_secret=example-secret", CLIENT), 400, "invalid_request");
        assertOAuthError(token("grant_type=password&username=testuser", CLIENT), 400, "invalid_request");
        assertOAuthError(token("grant_type=password&username=testuser&password=wrong", CLIENT), 400, "invalid_grant");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=garbage", CLIENT), 400, "invalid_grant");
        assertOAuthError(token("grant_type=client_credentials&scope=%22quoted%22", CLIENT), 400, "invalid_scope");
        assertOAuthError(token("grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(token("grant_type=client_credentials", "Basic !!!"), 401, "invalid_client");
        assertOAuthError(token("grant_type=client_credentials", "Bearer abc"), 400, "invalid_request");
        HttpResponse<String> wrongSecret =
                token("grant_type=client_credentials", Http.basic("example-client", "wrong"));
        assertOAuthError(wrongSecret, 401, "invalid_client");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic realm=");
        assertProblem(
                http.send("POST", "oauth/token", "{\"grant_type\":\"password\"}", "Content-Type", "application/json"),
                415);
    }

    @Test
    void theJwksServesTheKeyTokensAreSignedWith() throws Exception {
        HttpResponse<String> jwks = http.get("oauth/jwks");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwk-set+json");
        RSAKey key = JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
        String access = Http.json(token("grant_type=client_credentials", CLIENT))
                .get("access_token")
                .asText();
        assertThat(SignedJWT.parse(access).getHeader().getKeyID()).isEqualTo(key.getKeyID());
    }

    private String refreshToken() {
        return passwordGrant().get("refresh_token").asText();
    }

    /** A password grant for otheruser: the start of a new family. */
    private JsonNode passwordGrant() {
        HttpResponse<String> response = token("grant_type=password&username=otheruser&password=barfoo", CLIENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode refreshed(String refreshToken) {
        HttpResponse<String> response = token("grant_type=refresh_token&refresh_token=" + refreshToken, CLIENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The API accepts the access tokens of these token responses. */
    private void assertAccepted(JsonNode... tokens) {
        for (JsonNode issued : tokens) {
            HttpResponse<String> response = http.get(
                    "posts/1",
                    "Authorization",
                    "Bearer " + issued.get("access_token").asText());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Http.json(response).has("author"))
                    .as("read as an authenticated caller")
                    .isTrue();
        }
    }

    /** The API refuses the access tokens of these token responses as invalid tokens. */
    private void assertRejected(JsonNode... tokens) {
        for (JsonNode issued : tokens) {
            assertRejected(issued.get("access_token").asText());
        }
    }

    private void assertRejected(String accessToken) {
        HttpResponse<String> rejected = http.get("posts/1", "Authorization", "Bearer " + accessToken);
        assertProblem(rejected, 401);
        assertThat(rejected.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    private JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(http.get("oauth/jwks").body());
        RSAKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private HttpResponse<String> token(String form, String... authorization) {
        return send("oauth/token", form, authorization.length == 0 ? null : authorization[0]);
    }

    private HttpResponse<String> send(String path, String form, String authorization) {
        return authorization == null
                ? http.send("POST", path, form, "Content-Type", FORM)
                : http.send("POST", path, form, "Content-Type", FORM, "Authorization", authorization);
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertThat(List.of(response.body())).noneMatch(text -> text.contains("Exception"));
    }
}
