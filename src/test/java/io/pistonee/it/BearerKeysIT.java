package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.secured.WhoAmIHandler;
import io.pistonee.it.stores.ClientAccounts;
import io.pistonee.it.stores.MemoryIdentityStore;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR of its own with no {@code mp.jwt.verify.*} key: the deployment warns that every bearer token
 * will be rejected, and it is. Its users are in the application's own {@code IdentityStore} bean, its
 * OAuth client in {@code Accounts}; the token endpoint, turned on, issues tokens for the store's users.
 */
@ExtendWith(ArquillianExtension.class)
class BearerKeysIT {

    private static final String NAME = "keyless";
    private static final String SIGNING_KEY = "META-INF/keys/keyless-signing-key.pem";
    /** Where the application is public: every request is served as if asked there. */
    private static final String PUBLIC_BASE = "https://api.example.com/public/";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.library(NAME, WhoAmIHandler.class, MemoryIdentityStore.class, ClientAccounts.class)
                .addAsResource(new StringAsset(signingKey()), SIGNING_KEY);
        return Deployments.withConfig(
                war,
                "piston.oauth.enabled=true",
                "piston.oauth.signing-key=" + SIGNING_KEY,
                "piston.public-base-url=" + PUBLIC_BASE);
    }

    @ArquillianResource
    URL base;

    private Http anonymous;

    @BeforeEach
    void client() {
        anonymous = new Http(base);
    }

    /**
     * With {@code piston.public-base-url}, the OpenAPI document's one server is the public URL and the
     * OAuth token URL lies under it; every other test of this class is served through it. The paths
     * are the API's (WildFly puts the context root in front of them after every application filter).
     */
    @Test
    void thePublicBaseUrlIsTheOpenApiServerAndTheTokenUrlsBase() {
        HttpResponse<String> response = anonymous.get("../../openapi?format=JSON");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = Http.json(response);

        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo("https://api.example.com/public");
        String prefix = (System.getProperty("arquillian.launch", "").equals("wildfly") ? "/" + NAME : "") + "/api/";
        assertThat(document.path("paths").fieldNames())
                .toIterable()
                .isNotEmpty()
                .allMatch(path -> path.startsWith(prefix), "starts with " + prefix);
        JsonNode flows = document.path("components")
                .path("securitySchemes")
                .path("oauth2")
                .path("flows");
        assertThat(flows.path("password").path("tokenUrl").asText())
                .isEqualTo("https://api.example.com/public/api/oauth/token");
    }

    @Test
    void deploymentWarnsThatEveryBearerTokenWillBeRejectedNamingTheKeys() {
        assertThat(ServerLog.sinceDeploymentOf(NAME))
                .contains("Piston EE application " + NAME + ": every bearer token will be rejected with 401")
                .contains("neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location")
                .contains("and no mp.jwt.verify.issuer");
    }

    @Test
    void basicCallersOfTheApplicationsIdentityStoreBeanHaveItsGroupsAsRoles() {
        HttpResponse<String> who = anonymous.as("storeuser", "storepass").get("whoami");

        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        assertThat(Http.json(who).get("name").asText()).isEqualTo("storeuser");
        assertThat(Http.json(who).get("author").asBoolean()).isTrue();
        assertProblem(anonymous.as("storeuser", "wrong").get("whoami"), 401);
    }

    /**
     * The password grant checks the user through every identity store; a refresh would need the user's
     * current groups, which only {@code Accounts} can tell without the password, so there is no
     * refresh token. The server, missing its keys, then rejects the token it issued itself.
     */
    @Test
    void passwordGrantIssuesAnAccessTokenForTheStoresUserButNoRefreshToken() {
        HttpResponse<String> response = anonymous.send(
                "POST",
                "oauth/token",
                "grant_type=password&username=storeuser&password=storepass",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                Http.basic("store-client", "store-secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = Http.json(response);
        assertThat(tokens.has("refresh_token")).isFalse();
        String token = tokens.get("access_token").asText();
        JsonNode claims =
                Http.json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("sub").asText()).isEqualTo("storeuser");
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("author");

        HttpResponse<String> rejected = anonymous.get("whoami", "Authorization", "Bearer " + token);
        assertThat(assertProblem(rejected, 401).get("detail").asText())
                .isEqualTo("The bearer token is invalid, expired or not meant for this server.");
    }

    private static String signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
