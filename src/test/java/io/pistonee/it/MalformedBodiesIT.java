package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pistonee.parser.BodyFormat;
import io.pistonee.parser.Mutator;
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
 * Malformed bodies through the real server: a sample of the fuzz test's mutated bodies
 * ({@code MalformedBodiesTest}, same generator, other seeds) in every request format, sent to the
 * example application as POST {@code /api/posts} and PUT {@code /api/posts/{id}} (the patch formats as
 * PATCH). Every answer is 2xx or 4xx, never 5xx, and after a 4xx the posts are exactly as they were.
 * A failure names the format, method, seed and body; {@code Mutator.body(format, seed)} gives the body
 * again.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedBodiesIT {

    /** Bodies per format and method: enough to meet each parser's late errors, few enough to stay quick. */
    private static final int CASES = 50;

    private static final int SHOWN = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withConfig(Deployments.example(), "piston.throttle.post_updates.requests=0");
    }

    @ArquillianResource
    URL base;

    private Http author;
    private String post;

    @BeforeEach
    void authorWithAPost() {
        String token = Http.json(new Http(base).passwordGrant("testuser", "foobar"))
                .get("access_token")
                .asText();
        author = new Http(base).with("Authorization", "Bearer " + token);
        HttpResponse<String> created = author.post("posts", "{\"title\": \"Target\", \"content\": \"Fuzzed\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        post = "posts/" + Http.json(created).get("id").asText();
    }

    @Test
    void xmlErrorsTheParserReportsLateAre400AndChangeNothing() {
        String before = posts();

        for (String xml : new String[] {
            "<post><title>a &undeclared; b</title><content>c</content></post>",
            "<post><title>a &#0; b</title><content>c</content></post>",
            "<post><title>text</title </post>",
            "<post><title>t</title><content>text</con-tent></post>"
        }) {
            for (String method : new String[] {"POST", "PUT"}) {
                HttpResponse<String> response = author.send(
                        method, method.equals("POST") ? "posts" : post, xml, "Content-Type", "application/xml");

                assertThat(assertProblem(response, 400).get("detail").asText())
                        .as(method + " " + xml)
                        .startsWith("Malformed XML at line 1, column ");
            }
        }
        assertThat(posts()).isEqualTo(before);
    }

    @Test
    void mutatedJsonIsNever5xx() {
        fuzz(BodyFormat.JSON);
    }

    @Test
    void mutatedYamlIsNever5xx() {
        fuzz(BodyFormat.YAML);
    }

    @Test
    void mutatedXmlIsNever5xx() {
        fuzz(BodyFormat.XML);
    }

    @Test
    void mutatedFormsAreNever5xx() {
        fuzz(BodyFormat.FORM);
    }

    @Test
    void mutatedMultipartFormsAreNever5xx() {
        fuzz(BodyFormat.MULTIPART);
    }

    @Test
    void mutatedMergePatchesAreNever5xx() {
        fuzz(BodyFormat.MERGE_PATCH);
    }

    @Test
    void mutatedJsonPatchesAreNever5xx() {
        fuzz(BodyFormat.JSON_PATCH);
    }

    /** Sends the format's sample with each method; fails listing every 5xx and every 4xx that changed a post. */
    private void fuzz(BodyFormat format) {
        List<String> failures = new ArrayList<>();
        int refused = 0;
        String state = posts();
        List<String> methods = format.patch() ? List.of("PATCH") : List.of("POST", "PUT");
        long first = 50_000_000L + format.ordinal() * 1_000_000L;
        for (String method : methods) {
            for (long seed = first; seed < first + CASES * 2L / methods.size(); seed++) {
                byte[] body = Mutator.body(format, seed);
                HttpResponse<String> response = author.sendBytes(
                        method, method.equals("POST") ? "posts" : post, body, "Content-Type", format.contentType());
                String after = posts();
                int status = response.statusCode();
                if (status / 100 != 2 && status / 100 != 4) {
                    failures.add(failure(format, method, seed, body, response, "answered " + status));
                } else if (status >= 400 && !after.equals(state)) {
                    failures.add(failure(format, method, seed, body, response, "changed a post"));
                } else if (status >= 400) {
                    refused++;
                }
                state = after;
            }
        }
        if (!failures.isEmpty()) {
            fail("%d of %d %s bodies: %n%s"
                    .formatted(
                            failures.size(),
                            CASES * 2,
                            format,
                            String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size())))));
        }
        assertThat(refused).as("mutated bodies refused").isGreaterThan(CASES / 2);
    }

    /** Every post's id, title and content, in id order: what a body could change. */
    private String posts() {
        HttpResponse<String> posts = author.get("posts?limit=500&sort=id&fields=id,title,content");
        assertThat(posts.statusCode()).as(posts.body()).isEqualTo(200);
        return posts.body();
    }

    private static String failure(
            BodyFormat format, String method, long seed, byte[] body, HttpResponse<String> response, String what) {
        String shown = Mutator.describe(body);
        return "  " + format + " " + method + " seed " + seed + " " + what + ": "
                + (shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown)
                + "\n    -> " + response.body();
    }
}
