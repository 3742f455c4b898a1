package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed logins are limited per user and per client address: the example WAR with low limits
 * (3 per user, 8 per address, in 5 minutes), so the limits are reached in a few requests.
 */
@ExtendWith(ArquillianExtension.class)
class LoginLimitIT {

    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.example();
        String config;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        return war.add(
                new StringAsset(config
                        + "\npiston.security.login.max-failures-per-user=3"
                        + "\npiston.security.login.max-failures-per-address=8"
                        + "\npiston.security.login.window-seconds=300\n"),
                CONFIG);
    }

    @ArquillianResource
    URL base;

    @Test
    void failedLoginsAreLimitedPerUserThenPerAddress() {
        Http http = new Http(base);
        for (int i = 0; i < 3; i++) {
            assertProblem(http.as("testuser", "wrong" + i).get("posts/1"), 401);
        }

        HttpResponse<String> blocked = http.as("testuser", "foobar").get("posts/1");
        assertProblem(blocked, 429);
        long retryAfter =
                Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 300L);
        HttpResponse<String> grant = http.passwordGrant("testuser", "foobar");
        assertThat(grant.statusCode()).isEqualTo(429);
        assertThat(grant.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.as("otheruser", "barfoo").get("posts/1").statusCode()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertProblem(http.as("nobody" + i, "guess").get("posts/1"), 401);
        }
        assertProblem(http.as("admin", "adminpass").get("posts/1"), 429);
        assertThat(http.get("posts/1").statusCode()).isEqualTo(200);
    }
}
