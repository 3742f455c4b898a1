package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * Problems come in the format the request asks for wherever they are answered: by the authentication
 * mechanism in the container before JAX-RS (a wrong password, too many failed logins), by
 * authorization, and by the container's error page. The example WAR with a login limit of 2 per user,
 * so each test fails the logins of a user of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ProblemFormatsIT {

    private static final String CHALLENGES = "Basic realm=\"piston\", charset=\"UTF-8\", Bearer realm=\"piston\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.example(),
                "piston.security.login.max-failures-per-user=2",
                "piston.security.login.max-failures-per-address=100",
                "piston.security.login.window-seconds=300");
    }

    @ArquillianResource
    URL base;

    @Test
    void aWrongPasswordWithFormatYamlIsAYamlProblemWithTheChallenges() {
        HttpResponse<String> response = new Http(base).as("testuser", "wrong").get("posts/1?format=yaml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+yaml");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGES);
        // The example allows a CORS origin, so its answers vary on Origin too.
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept, Authorization, Origin");
        Map<String, Object> problem = Formats.yaml(response.body());
        assertThat(problem)
                .containsEntry("status", 401)
                .containsEntry("title", "Unauthorized")
                .containsEntry("detail", "The user name or password is wrong.");
    }

    @Test
    void aWrongPasswordWithAcceptXmlIsAnXmlProblem() {
        HttpResponse<String> response =
                new Http(base).as("otheruser", "wrong").get("posts/1", "Accept", "application/xml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+xml");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGES);
        Element problem = Formats.xml(response.body());
        assertThat(problem.getLocalName()).isEqualTo("problem");
        assertThat(problem.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
        assertThat(child(problem, "status")).isEqualTo("401");
        assertThat(child(problem, "title")).isEqualTo("Unauthorized");
    }

    @Test
    void aWrongPasswordWithNoFormatAskedStaysAJsonProblem() {
        HttpResponse<String> response = new Http(base).as("nobody", "guess").get("posts/1");

        assertThat(assertProblem(response, 401).get("detail").asText())
                .isEqualTo("The user name or password is wrong.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGES);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void tooManyFailedLoginsIsA429InTheAskedFormat() {
        Http wrong = new Http(base).as("admin", "wrong");
        assertThat(wrong.get("posts/1").statusCode()).isEqualTo(401);
        assertThat(wrong.get("posts/1").statusCode()).isEqualTo(401);

        HttpResponse<String> response = new Http(base).as("admin", "adminpass").get("posts/1?format=yaml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+yaml");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 300L);
        Map<String, Object> problem = Formats.yaml(response.body());
        assertThat(problem).containsEntry("status", 429).containsEntry("title", "Too Many Requests");
    }

    @Test
    void aForbiddenOperationWithFormatYamlIsAYamlProblem() {
        HttpResponse<String> response = new Http(base).as("testuser", "foobar").get("export?format=yaml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+yaml");
        Map<String, Object> problem = Formats.yaml(response.body());
        assertThat(problem).containsEntry("status", 403).containsEntry("title", "Forbidden");
    }

    @Test
    void theContainersOwnAnswerComesInTheAcceptedFormat() {
        URI nothing = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/")
                .resolve("nothing");
        HttpResponse<String> response =
                new Http(base).send("GET", nothing.toString(), null, "Accept", "application/yaml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+yaml");
        Map<String, Object> problem = Formats.yaml(response.body());
        assertThat(problem).containsEntry("status", 404).containsEntry("instance", nothing.getPath());
    }

    private static String child(Element parent, String name) {
        return Formats.children(parent).stream()
                .filter(element -> element.getLocalName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + ">"))
                .getTextContent();
    }
}
