package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.handlers.AnswerHandler;
import io.pistonee.it.handlers.EchoHandler;
import io.pistonee.it.handlers.FaultyHandler;
import io.pistonee.it.handlers.LibrariesHandler;
import io.pistonee.it.handlers.Thing;
import io.pistonee.it.handlers.ThingHandler;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generic resource and the handler contract, on a WAR that uses the framework jar as a library
 * with handlers tied to no model: routing, 404/405/Allow, HEAD, OPTIONS, binding, emitting, errors.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library(
                "resource",
                ThingHandler.class,
                Thing.class,
                EchoHandler.class,
                AnswerHandler.class,
                FaultyHandler.class,
                LibrariesHandler.class);
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    void frameworkJarHoldsTheFrameworkAlone() throws IOException {
        try (JarFile jar = new JarFile(Deployments.frameworkJar())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();

            assertThat(entries)
                    .contains(
                            "io/pistonee/resource/internal/PistonResource.class",
                            "META-INF/beans.xml",
                            "META-INF/web-fragment.xml",
                            "META-INF/services/jakarta.enterprise.inject.spi.Extension");
            assertThat(entries)
                    .noneMatch(name -> name.startsWith("io/pistonee/example/"))
                    .doesNotContain("META-INF/persistence.xml", "META-INF/microprofile-config.properties");
        }
    }

    /**
     * Every server brings its own, older Jackson; the WAR's descriptors (glassfish-web.xml on Payara,
     * jboss-deployment-structure.xml on WildFly) must make the WAR's copy the one that runs.
     */
    @Test
    void runsWithTheJacksonInTheWarNotTheServers() {
        HttpResponse<String> response = http.get("libraries");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode libraries = Http.json(response);
        String bundled = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertThat(libraries.get("jackson").asText()).isEqualTo(bundled);
        assertThat(libraries.get("source").asText()).contains("jackson-databind-" + bundled + ".jar");
    }

    @Test
    void documentsTheHandlersOfAWarOnTheFrameworkJarWithoutAnySetting() {
        HttpResponse<String> response = http.get("/openapi?format=JSON");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = Http.json(response);
        assertThat(document.at("/info/title").asText())
                .as("neither an @OpenAPIDefinition nor piston.openapi.title: the context root names the API")
                .isEqualTo("resource");
        assertThat(document.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(document.at("/info/description").isMissingNode()).isTrue();
        JsonNode paths = document.get("paths");
        List<String> names = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .allSatisfy(path -> assertThat(path).doesNotContain("{resource}"))
                .anySatisfy(path -> assertThat(path).endsWith("/api/echo/{id}"))
                .anySatisfy(path -> assertThat(path).endsWith("/api/answer"));
        JsonNode things = paths.get(names.stream()
                .filter(path -> path.endsWith("/api/things"))
                .findFirst()
                .orElseThrow());
        JsonNode listed = things.at("/get/responses/200/content/application~1json/schema/items/properties");
        assertThat(listed.fieldNames()).toIterable().containsExactly("id", "name");
        assertThat(things.at("/post/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/things_input");
        JsonNode bulk = paths.get(names.stream()
                .filter(path -> path.endsWith("/api/things/bulk"))
                .findFirst()
                .orElseThrow());
        assertThat(bulk.at("/post/requestBody/content/application~1json/schema/items/$ref")
                        .asText())
                .as("an array of inputs is a bulk create")
                .isEqualTo("#/components/schemas/things_input");
        JsonNode read = document.at("/paths")
                .path(names.stream()
                        .filter(path -> path.endsWith("/api/things/{id}"))
                        .findFirst()
                        .orElseThrow())
                .path("get");
        assertThat(OpenApiDocuments.parameterNames(read))
                .as("@Parameter(hidden = true) on the handler method")
                .doesNotContain("If-None-Match");
        assertThat(OpenApiDocuments.parameter(read, "fields")
                        .path("description")
                        .asText())
                .as("@Parameter(description = ...) on the handler method")
                .isEqualTo("Any of id, name, stock, added_on.");
        JsonNode input = document.at("/components/schemas/things_input");
        assertThat(input.get("properties").fieldNames())
                .toIterable()
                .containsExactly("id", "name", "stock", "added_on");
        assertThat(input.get("required")).extracting(JsonNode::asText).containsExactly("name");
    }

    @Test
    void listsRecordsShapedByListFields() {
        HttpResponse<String> response = http.get("things");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept, Authorization");
        assertThat(response.body()).isEqualTo("[{\"id\":1,\"name\":\"anvil\"},{\"id\":2,\"name\":\"rope\"}]");
    }

    @Test
    void readsOneRecordWithEveryFieldAndIsoDates() {
        HttpResponse<String> response = http.get("things/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":1,\"name\":\"anvil\",\"stock\":3,\"added_on\":\"2026-01-15\"}");
    }

    @Test
    void emptyOptionalIs404() {
        assertProblem(http.get("things/99"), 404);
    }

    @Test
    void idThatDoesNotConvertIs404() {
        JsonNode problem = assertProblem(http.get("things/abc"), 404);

        assertThat(problem.get("instance").asText()).endsWith("/api/things/abc");
    }

    @Test
    void scalarResultIsEmitted() {
        HttpResponse<String> response = http.get("answer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("42");
    }

    @Test
    void createBindsValidatesAndAnswers201WithoutLocationForNonModels() {
        HttpResponse<String> response =
                http.post("things", "{\"name\":\"saw\",\"stock\":5,\"added_on\":\"2026-03-01\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).isEqualTo("{\"id\":3,\"name\":\"saw\",\"stock\":5,\"added_on\":\"2026-03-01\"}");
    }

    @Test
    void preferReturnMinimalAnswersWritesWithoutABody() {
        HttpResponse<String> created = http.post("echo", "{\"a\":1}", "Prefer", "respond-async, return=minimal");
        HttpResponse<String> updated = http.put("echo/x", "[true]", "Prefer", "return=minimal");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        assertThat(created.headers().firstValue("Preference-Applied")).hasValue("return=minimal");
        assertThat(String.join(",", created.headers().allValues("Vary"))).contains("Prefer", "Accept");
        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(updated.body()).isEmpty();
        assertThat(updated.headers().firstValue("Preference-Applied")).hasValue("return=minimal");
    }

    @Test
    void preferReturnRepresentationIsTheDefaultAndEchoedOnlyWhenAsked() {
        HttpResponse<String> asked = http.post("echo", "{\"a\":1}", "Prefer", "return=representation");
        HttpResponse<String> unasked = http.post("echo", "{\"a\":1}", "Prefer", "wait=5, handling=lenient");

        assertThat(asked.statusCode()).isEqualTo(201);
        assertThat(asked.body()).isEqualTo("{\"a\":1,\"echoed\":true}");
        assertThat(asked.headers().firstValue("Preference-Applied")).hasValue("return=representation");
        assertThat(unasked.body()).isEqualTo(asked.body());
        assertThat(unasked.headers().firstValue("Preference-Applied")).isEmpty();
        assertThat(String.join(",", unasked.headers().allValues("Vary"))).contains("Prefer");
    }

    @Test
    void preferReturnMinimalChangesNoErrorAndNoStatusResult() {
        JsonNode problem =
                assertProblem(http.post("things", "{\"name\":\"\",\"stock\":-1}", "Prefer", "return=minimal"), 400);
        HttpResponse<String> accepted = http.post("faulty", "{}", "Prefer", "return=minimal");

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("name", "stock");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).isEmpty();
    }

    @Test
    void recordInputIsValidated() {
        JsonNode problem = assertProblem(http.post("things", "{\"name\":\"\",\"stock\":-1}"), 400);

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("name", "stock");
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        JsonNode problem = assertProblem(http.post("things", "{\"name\":\"saw\",\"stock\":\"many\"}"), 400);

        assertThat(problem.get("detail").asText()).isEqualTo("Field 'stock' is invalid: expected a number.");
    }

    @Test
    void mapAndTreeInputsTakeTheDataAsItCame() {
        HttpResponse<String> created = http.post("echo", "{\"a\":[1,{\"b\":null}]}");
        HttpResponse<String> updated = http.put("echo/x%20y", "[true]");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"a\":[1,{\"b\":null}],\"echoed\":true}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Http.json(updated).get("id").asText()).isEqualTo("x y");
        assertThat(Http.json(updated).get("body").toString()).isEqualTo("[true]");
    }

    @Test
    void operationTheHandlerLacksIs405WithExactlyWhatItProvides() {
        HttpResponse<String> put = http.put("things/1", "{}");
        HttpResponse<String> delete = http.delete("things/1");
        HttpResponse<String> postItem = http.post("things/1", "{}");
        HttpResponse<String> getEcho = http.get("echo");

        assertProblem(put, 405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertProblem(delete, 405);
        assertProblem(postItem, 405);
        assertProblem(getEcho, 405);
        assertThat(getEcho.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    }

    @Test
    void methodJaxRsDoesNotKnowIs405WithTheHandlersAllow() {
        HttpResponse<String> patch = http.send("PATCH", "things", "{}", "Content-Type", "application/json");

        assertProblem(patch, 405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void operationIsCheckedBeforeTheBodyIsRead() {
        HttpResponse<String> response = http.send("PUT", "things/1", "not json", "Content-Type", "text/plain");

        assertProblem(response, 405);
    }

    @Test
    void optionsAnswersAllowForCollectionAndItem() {
        HttpResponse<String> collection = http.send("OPTIONS", "things", null);
        HttpResponse<String> item = http.send("OPTIONS", "echo/1", null);

        assertThat(collection.statusCode()).isEqualTo(204);
        assertThat(collection.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
        assertThat(item.statusCode()).isEqualTo(204);
        assertThat(item.headers().firstValue("Allow")).hasValue("PUT, OPTIONS");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> head = http.send("HEAD", "things/1", null);
        HttpResponse<String> missing = http.send("HEAD", "things/99", null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(head.body()).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
    }

    @Test
    void unknownResourceIs404ForEveryMethod() {
        assertThat(assertProblem(http.get("nothing"), 404).get("detail").asText())
                .contains("nothing");
        assertProblem(http.post("nothing", "{}"), 404);
        assertProblem(http.delete("nothing/1"), 404);
        assertProblem(http.send("OPTIONS", "nothing", null), 404);
        assertProblem(http.get("things/1/deeper"), 404);
    }

    /**
     * The OAuth 2.0 authorization server is off in a WAR that does not set {@code piston.oauth.enabled}:
     * its paths answer like a path nothing serves, for every method, and the OpenAPI document names
     * neither its endpoints nor the {@code oauth2} scheme. The example sets it: {@link OAuthIT} and
     * {@link OpenApiIT} show the server on.
     */
    @Test
    void withoutPistonOAuthEnabledThereIsNoTokenEndpointAndNoOAuthScheme() {
        String unknown =
                assertProblem(http.get("../nothing"), 404).get("detail").asText();
        String form = "grant_type=client_credentials&client_id=example-client&client_secret=example-secret";

        for (HttpResponse<String> response : List.of(
                http.send("POST", "oauth/token", form, "Content-Type", "application/x-www-form-urlencoded"),
                http.get("oauth/token"),
                http.get("oauth/jwks"),
                http.send("OPTIONS", "oauth/revoke", null))) {
            assertThat(assertProblem(response, 404).get("detail").asText())
                    .as(response.request().method() + " " + response.uri())
                    .isEqualTo(unknown);
            assertThat(response.headers().firstValue("Allow")).isEmpty();
        }
        JsonNode document = Http.json(http.get("/openapi?format=JSON"));
        assertThat(document.at("/components/securitySchemes").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("basic", "bearer");
        assertThat(document.get("paths").fieldNames()).toIterable().noneMatch(path -> path.contains("/oauth"));
        assertThat(document.findValues("security").toString()).doesNotContain("oauth2");
    }

    @Test
    void unexpectedExceptionIs500WithAnIncidentAndNothingOfTheCause() {
        HttpResponse<String> response = http.get("faulty");

        JsonNode problem = assertProblem(response, 500);
        assertThat(response.body()).doesNotContain(FaultyHandler.SECRET).doesNotContain("IllegalState");
        assertThat(problem.get("incident").asText()).matches("[0-9a-f-]{36}");
        assertThat(problem.get("detail").asText())
                .contains(problem.get("incident").asText());
        assertProblem(http.delete("faulty/1"), 500);
    }

    @Test
    void thrownStatusIsAnsweredAsItsProblem() {
        JsonNode problem = assertProblem(http.get("faulty/7"), 403);

        assertThat(problem.get("detail").asText()).isEqualTo("Item 7 is not yours.");
    }

    @Test
    void returnedStatusIsAnsweredWithoutABody() {
        HttpResponse<String> response = http.post("faulty", "{}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = assertProblem(http.post("echo", "{\"a\":"), 400);

        assertThat(problem.get("detail").asText()).startsWith("Malformed JSON at line 1, column");
    }

    @Test
    void unsupportedContentTypeIs415WithWhatIsAccepted() {
        HttpResponse<String> response = http.post("echo", "a=1", "Content-Type", "text/plain");
        HttpResponse<String> none = http.send("POST", "echo", "{}");

        assertThat(assertProblem(response, 415).get("detail").asText()).contains("application/json");
        assertThat(response.headers().firstValue("Accept-Post").orElseThrow())
                .contains("application/json", "application/yaml", "application/xml");
        assertProblem(none, 415);
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"a\":\"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(http.post("echo", big), 413);
    }

    @Test
    void unacceptableFormatIs406BeforeTheHandlerRuns() {
        HttpResponse<String> accept = http.get("faulty", "Accept", "text/html");
        HttpResponse<String> format = http.get("faulty?format=nope");

        assertThat(assertProblem(accept, 406).get("formats").toString())
                .isEqualTo("[\"json\",\"yaml\",\"xml\",\"csv\",\"pickle\",\"django\",\"django-xml\"]");
        assertThat(assertProblem(format, 406).get("detail").asText()).contains("nope");
    }

    @Test
    void acceptWithQualitiesAndWildcardsSelectsJson() {
        HttpResponse<String> response = http.get("answer", "Accept", "text/html;q=0.9, application/*;q=0.5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(http.get("answer?format=json").statusCode()).isEqualTo(200);
    }
}
