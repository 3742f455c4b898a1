package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.rest.EventsHandler;
import io.pistonee.it.rest.Gadget;
import io.pistonee.it.rest.GadgetEvents;
import io.pistonee.it.rest.GadgetHandler;
import io.pistonee.it.rest.LimitedHandler;
import io.pistonee.it.rest.Lineage;
import io.pistonee.it.rest.LineageHandler;
import io.pistonee.it.rest.PartsHandler;
import io.pistonee.it.rest.QuotaHandler;
import io.pistonee.it.rest.QuotaTwinHandler;
import io.pistonee.it.rest.ReplyHandler;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * REST done right by default, on a WAR that uses the framework as a library with its own entity:
 * status vocabulary, persistence failures, conditional requests (in the mode that requires If-Match
 * on writes), PATCH, bulk create, collections, lifecycle events and throttling, concurrency included.
 */
@ExtendWith(ArquillianExtension.class)
class RestIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The end of every item tag: '-', the eight characters of the variant key, the closing quote. */
    private static final int VARIANT_SUFFIX = 10;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.library(
                "rest",
                Gadget.class,
                GadgetHandler.class,
                GadgetEvents.class,
                EventsHandler.class,
                LimitedHandler.class,
                QuotaHandler.class,
                QuotaTwinHandler.class,
                ReplyHandler.class,
                ReplyHandler.Order.class,
                ReplyHandler.Line.class,
                Lineage.class,
                LineageHandler.class,
                PartsHandler.class);
        return Deployments.withConfig(
                Deployments.withEntities(war, "java:comp/DefaultDataSource", Gadget.class, Lineage.class),
                "piston.conditional.require-if-match=true",
                "piston.throttle.trusted-proxies=1",
                "piston.openapi.title=Gadget shop",
                "piston.openapi.version=2.5",
                "piston.openapi.description=Gadgets, configured.");
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // --- the OpenAPI document describes this deployment's conventions

    @Test
    void theOpenApiDocumentIsNamedByTheConfigurationRequiresIfMatchInThisModeAndStatesEachThrottle() {
        JsonNode document = Http.json(http.get("/openapi?format=JSON"));
        JsonNode update = OpenApiDocuments.operation(document, "/api/gadgets/{id}", "put");
        JsonNode read = OpenApiDocuments.operation(document, "/api/gadgets/{id}", "get");
        JsonNode gadgets = OpenApiDocuments.operation(document, "/api/gadgets", "get");

        assertThat(document.at("/info/title").asText()).isEqualTo("Gadget shop");
        assertThat(document.at("/info/version").asText()).isEqualTo("2.5");
        assertThat(document.at("/info/description").asText()).isEqualTo("Gadgets, configured.");
        assertThat(OpenApiDocuments.parameter(update, "If-Match")
                        .path("required")
                        .asBoolean())
                .isTrue();
        assertThat(update.path("responses").fieldNames()).toIterable().contains("412", "428");
        assertThat(OpenApiDocuments.parameterNames(update)).contains("If-Unmodified-Since");
        assertThat(OpenApiDocuments.parameterNames(read)).contains("If-None-Match", "If-Modified-Since");
        assertThat(read.path("responses").path("200").path("headers").has("Last-Modified"))
                .isTrue();
        assertThat(OpenApiDocuments.parameterNames(gadgets)).contains("limit", "filter", "sort");
        assertThat(OpenApiDocuments.filterNames(document, gadgets))
                .contains("code__icontains", "price__gte", "price__in")
                .doesNotContain("price__icontains");
        JsonNode limited =
                OpenApiDocuments.operation(document, "/api/limited", "get").path("x-throttle");
        assertThat(limited.path("requests").asInt()).isEqualTo(10);
        assertThat(limited.path("per").asInt()).isEqualTo(3600);
        assertThat(limited.path("scope").asText()).isEqualTo("limited");
        assertThat(OpenApiDocuments.operation(document, "/api/quota", "post")
                        .path("x-throttle")
                        .path("scope")
                        .asText())
                .isEqualTo("quota");
    }

    // --- the status vocabulary and persistence failures

    @Test
    void handlersAnswerWithRcAndContent() {
        HttpResponse<String> accepted = http.get("replies");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Http.json(accepted).get("queued").asInt()).isEqualTo(3);

        HttpResponse<String> bare = http.get("replies/empty");
        assertThat(bare.statusCode()).isEqualTo(202);
        assertThat(bare.body()).isEmpty();

        assertThat(assertProblem(http.get("replies/gone"), 410).get("detail").asText())
                .isEqualTo("Gone.");
        assertThat(assertProblem(http.get("replies/conflict"), 409)
                        .get("existing")
                        .asText())
                .isEqualTo("/api/replies/1");
        JsonNode notImplemented = assertProblem(http.get("replies/later"), 501);
        assertThat(notImplemented.get("title").asText()).isEqualTo("Not Implemented");
        assertThat(notImplemented.get("detail").asText()).isEqualTo("Replies by post come in 2027.");
    }

    @Test
    void aUniqueViolationIs409AndSaysNothingOfTheDatabase() {
        String code = code("dup");
        create(code, "First", 1);

        JsonNode problem = assertProblem(http.post("gadgets", gadget(code, "Second", 2)), 409);

        assertThat(problem.get("detail").asText())
                .doesNotContainIgnoringCase("sql")
                .doesNotContain("GADGET");
        assertThat(total("code", code)).isEqualTo(1);
    }

    @Test
    void nestedInputIsValidatedWithThePathTheClientWrote() {
        JsonNode problem = assertProblem(
                http.post(
                        "replies",
                        "{\"customer\":\"ann\",\"lines\":[{\"product\":\"a\",\"quantity\":1},"
                                + "{\"product\":\" \",\"quantity\":0}]}"),
                400);

        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactly("lines[1].product", "lines[1].quantity");
        assertThat(problem.get("errors").get(1).get("rejected").asInt()).isZero();
    }

    // --- conditional requests

    @Test
    void itemsCarryTheirVersionAsETagAndAnswer304() {
        JsonNode created = create(code("etag"), "Tagged", 5);
        HttpResponse<String> read = http.get(path(created));
        String etag = read.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).matches("\"" + version(created) + "-[A-Za-z0-9_-]{8}\"");
        HttpResponse<String> notModified = http.get(path(created), "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(http.get(path(created), "If-None-Match", "\"999999\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void eachRepresentationHasItsOwnETagAndOnlyItsOwnAnswers304() {
        JsonNode created = create(code("variant"), "Variant", 5);
        String json = http.get(path(created)).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> yaml = http.get(path(created), "Accept", "application/yaml");
        String yamlTag = yaml.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> narrowed = http.get(path(created) + "?fields=name");
        String narrowedTag = narrowed.headers().firstValue("ETag").orElseThrow();
        String xmlTag = http.get(path(created) + "?format=xml")
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        assertThat(List.of(json, yamlTag, narrowedTag, xmlTag)).doesNotHaveDuplicates();
        assertThat(List.of(json, yamlTag, narrowedTag, xmlTag))
                .allSatisfy(tag -> assertThat(version(tag)).isEqualTo(version(created)));

        HttpResponse<String> yamlWithJsonTag =
                http.get(path(created), "Accept", "application/yaml", "If-None-Match", json);
        assertThat(yamlWithJsonTag.statusCode()).isEqualTo(200);
        assertThat(yamlWithJsonTag.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        Map<String, Object> parsed = Formats.yaml(yamlWithJsonTag.body());
        assertThat(parsed).containsEntry("name", "Variant").containsEntry("price", 5);
        assertThat(http.get(path(created), "Accept", "application/yaml", "If-None-Match", yamlTag)
                        .statusCode())
                .isEqualTo(304);

        HttpResponse<String> fullWithNarrowedTag = http.get(path(created), "If-None-Match", narrowedTag);
        assertThat(fullWithNarrowedTag.statusCode()).isEqualTo(200);
        assertThat(Http.json(fullWithNarrowedTag).fieldNames())
                .toIterable()
                .containsExactly("id", "code", "name", "price", "resource_uri");
        assertThat(Http.json(narrowed).fieldNames()).toIterable().containsExactly("name");
        assertThat(http.get(path(created) + "?fields=name", "If-None-Match", narrowedTag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(http.get(path(created) + "?fields=name", "If-None-Match", json)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get(path(created) + "?format=xml", "If-None-Match", xmlTag + ", " + json)
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void collectionsTagEachFormatApart() {
        String prefix = seed("tagged-list", 2);
        String json = http.get("gadgets?code__contains=" + prefix)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> yaml =
                http.get("gadgets?code__contains=" + prefix, "Accept", "application/yaml", "If-None-Match", json);

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(Formats.<List<Object>>yaml(yaml.body())).hasSize(2);
        String yamlTag = yaml.headers().firstValue("ETag").orElseThrow();
        assertThat(yamlTag).startsWith("W/\"").isNotEqualTo(json);
        assertThat(http.get("gadgets?code__contains=" + prefix, "Accept", "application/yaml", "If-None-Match", yamlTag)
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void ifMatchAcceptsTheTagOfAnyRepresentationOfTheCurrentState() {
        JsonNode created = create(code("ifmatch"), "Read as YAML", 5);
        String code = created.get("code").asText();
        String yamlTag = http.get(path(created), "Accept", "application/yaml")
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> updated = http.put(path(created), gadget(code, "Written", 6), "If-Match", yamlTag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        String jsonTag = updated.headers().firstValue("ETag").orElseThrow();
        assertThat(version(jsonTag)).isEqualTo(version(created) + 1);
        assertThat(http.get(path(created), "If-None-Match", jsonTag).statusCode())
                .isEqualTo(304);

        HttpResponse<String> stale = http.put(path(created), gadget(code, "Stale", 7), "If-Match", yamlTag);
        assertProblem(stale, 412);
        assertThat(stale.headers().firstValue("ETag")).hasValue(jsonTag);
        String narrowedTag = http.get(path(created) + "?fields=name")
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertThat(http.send(
                                "PATCH",
                                path(created),
                                "{\"price\":8}",
                                "Content-Type",
                                "application/merge-patch+json",
                                "If-Match",
                                narrowedTag)
                        .statusCode())
                .isEqualTo(200);
        assertProblem(http.delete(path(created), "If-Match", jsonTag), 412);
        assertThat(Http.json(http.get(path(created))).get("price").asInt()).isEqualTo(8);
    }

    @Test
    void lastModifiedAnswersIfModifiedSince() {
        JsonNode created = create(code("lm"), "Dated", 5);
        String modified =
                http.get(path(created)).headers().firstValue("Last-Modified").orElseThrow();

        assertThat(http.get(path(created), "If-Modified-Since", modified).statusCode())
                .isEqualTo(304);
        assertThat(http.get(path(created), "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void writesWithoutIfMatchAre428() {
        JsonNode created = create(code("428"), "Guarded", 5);

        assertProblem(http.put(path(created), gadget("x", "y", 1)), 428);
        assertProblem(http.send("PATCH", path(created), "{}", "Content-Type", "application/merge-patch+json"), 428);
        assertProblem(http.delete(path(created)), 428);
        assertThat(http.get(path(created)).statusCode()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentETagAndChangesNothing() {
        JsonNode created = create(code("412"), "Original", 5);

        HttpResponse<String> response = http.put(
                path(created),
                gadget(created.get("code").asText(), "Changed", 6),
                "If-Match",
                "\"" + (version(created) + 7) + "\"");

        assertProblem(response, 412);
        assertThat(response.headers().firstValue("ETag")).hasValue(etag(created));
        assertProblem(http.delete(path(created), "If-Match", "W/\"" + version(created) + "\""), 412);
        assertThat(Http.json(http.get(path(created))).get("name").asText()).isEqualTo("Original");
    }

    @Test
    void concurrentIfMatchUpdatesLetExactlyOnePerVersionThrough() throws Exception {
        JsonNode created = create(code("race"), "Start", 0);
        String code = created.get("code").asText();
        for (int round = 1; round <= 3; round++) {
            String etag = http.get(path(created)).headers().firstValue("ETag").orElseThrow();
            int r = round;
            List<HttpResponse<String>> answers = concurrently(
                    32,
                    i -> () ->
                            http.put(path(created), gadget(code, "round " + r + " writer " + i, i), "If-Match", etag));

            List<HttpResponse<String>> won =
                    answers.stream().filter(a -> a.statusCode() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(200, 412));
            JsonNode now = Http.json(http.get(path(created)));
            assertThat(now.get("name").asText())
                    .isEqualTo(Http.json(won.get(0)).get("name").asText());
            assertThat(http.get(path(created)).headers().firstValue("ETag"))
                    .hasValue(won.get(0).headers().firstValue("ETag").orElseThrow())
                    .isNotEqualTo(etag);
        }
    }

    // --- PATCH

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        JsonNode created = create(code("merge"), "Before", 5);

        HttpResponse<String> response = http.send(
                "PATCH",
                path(created),
                "{\"name\":\"After\",\"id\":999}",
                "Content-Type",
                "application/merge-patch+json",
                "If-Match",
                etag(created));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode patched = Http.json(response);
        assertThat(patched.get("name").asText()).isEqualTo("After");
        assertThat(patched.get("price").asInt()).isEqualTo(5);
        assertThat(patched.get("id")).isEqualTo(created.get("id"));
        assertThat(response.headers().firstValue("ETag")).hasValue(withVersion(etag(created), version(created) + 1));
    }

    @Test
    void jsonPatchAppliesOperationsAndIsValidatedLikePut() {
        JsonNode created = create(code("json"), "Patchable", 5);
        String ops = "[{\"op\":\"test\",\"path\":\"/name\",\"value\":\"Patchable\"},"
                + "{\"op\":\"replace\",\"path\":\"/price\",\"value\":9}]";

        HttpResponse<String> ok = http.send(
                "PATCH", path(created), ops, "Content-Type", "application/json-patch+json", "If-Match", etag(created));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Http.json(ok).get("price").asInt()).isEqualTo(9);

        String now = ok.headers().firstValue("ETag").orElseThrow();
        assertProblem(
                http.send(
                        "PATCH",
                        path(created),
                        "[{\"op\":\"test\",\"path\":\"/name\",\"value\":\"x\"}]",
                        "Content-Type",
                        "application/json-patch+json",
                        "If-Match",
                        now),
                409);
        JsonNode invalid = assertProblem(
                http.send(
                        "PATCH",
                        path(created),
                        "{\"name\":\"\",\"price\":-1}",
                        "Content-Type",
                        "application/merge-patch+json",
                        "If-Match",
                        now),
                400);
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("name", "price");
        HttpResponse<String> plainJson =
                http.send("PATCH", path(created), "{}", "Content-Type", "application/json", "If-Match", now);
        assertProblem(plainJson, 415);
        assertThat(plainJson.headers().firstValue("Accept-Patch")).isPresent();
        assertThat(Http.json(http.get(path(created))).get("price").asInt()).isEqualTo(9);
    }

    // --- bulk create

    @Test
    void bulkCreateMakesEveryItemOrNone() {
        String prefix = code("bulk");
        HttpResponse<String> created = http.post(
                "gadgets",
                "[" + gadget(prefix + "-1", "A", 1) + "," + gadget(prefix + "-2", "B", 2) + ","
                        + gadget(prefix + "-3", "C", 3) + "]");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).findValuesAsText("name")).containsExactly("A", "B", "C");

        JsonNode invalid = assertProblem(
                http.post(
                        "gadgets",
                        "[" + gadget(prefix + "-4", "D", 4) + "," + gadget(prefix + "-5", "", -1) + ","
                                + gadget(prefix + "-6", "F", 6) + "]"),
                400);
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("[1].name", "[1].price");

        assertProblem(
                http.post(
                        "gadgets", "[" + gadget(prefix + "-7", "G", 7) + "," + gadget(prefix + "-1", "Again", 1) + "]"),
                409);
        assertThat(total("code__contains", prefix)).isEqualTo(3);
    }

    // --- collections

    @Test
    void pagesCarryLinksAndTheTotalWhenAskedFor() {
        String prefix = seed("page", 7);

        HttpResponse<String> first = http.get("gadgets?code__contains=" + prefix + "&sort=name&limit=3&total=true");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Http.json(first).findValuesAsText("name")).containsExactly("item 0", "item 1", "item 2");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("7");
        Map<String, String> links = links(first);
        assertThat(links).containsOnlyKeys("first", "next", "last");
        assertThat(links.get("last")).contains("offset=6");
        HttpResponse<String> last = http.get(links.get("last"));
        assertThat(Http.json(last).findValuesAsText("name")).containsExactly("item 6");
        assertThat(links(last)).containsOnlyKeys("first", "prev", "last");
        assertThat(links(last).get("prev")).contains("offset=3");
        HttpResponse<String> uncounted = http.get("gadgets?code__contains=" + prefix + "&sort=name&limit=3");
        assertThat(uncounted.headers().firstValue("X-Total-Count")).isEmpty();
        assertThat(links(uncounted)).as("only a counted page knows the last").containsOnlyKeys("first", "next");
    }

    @Test
    void aCursorWalksTheWholeCollectionOnceInOrder() {
        String prefix = seed("cursor", 7);
        List<String> names = new ArrayList<>();
        String next = "gadgets?code__contains=" + prefix + "&sort=-price&limit=2&cursor=";
        int pages = 0;
        while (next != null && pages++ < 10) {
            HttpResponse<String> page = http.get(next);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            names.addAll(Http.json(page).findValuesAsText("name"));
            next = links(page).get("next");
        }

        assertThat(names).containsExactly("item 6", "item 5", "item 4", "item 3", "item 2", "item 1", "item 0");
        assertThat(pages).isEqualTo(4);
        assertProblem(http.get("gadgets?cursor=bm90LWEtY3Vyc29y"), 400);
    }

    @Test
    void filtersUseDjangoLookupsOnWhitelistedFieldsOnly() {
        String prefix = seed("filter", 5);
        String all = "gadgets?code__contains=" + prefix + "&sort=price";

        assertThat(names(all + "&price__gte=3")).containsExactly("item 3", "item 4");
        assertThat(names(all + "&price__lt=2")).containsExactly("item 0", "item 1");
        assertThat(names(all + "&price__in=1,4")).containsExactly("item 1", "item 4");
        assertThat(names(all + "&name__icontains=ITEM%202")).containsExactly("item 2");
        assertThat(names(all + "&name=item%203")).containsExactly("item 3");
        assertThat(names(all + "&name__contains=%25")).isEmpty();

        // Filter values are bound parameters: the same form of count with other values counts those.
        String other = seed("filter-other", 2);
        assertThat(total("code__contains", prefix)).isEqualTo(5);
        assertThat(total("code__contains", other)).isEqualTo(2);
        assertThat(total("code__contains", prefix)).isEqualTo(5);
        assertThat(Long.parseLong(http.get("gadgets?total=true&code__contains=" + prefix + "&price__in=1,4,9")
                        .headers()
                        .firstValue("X-Total-Count")
                        .orElseThrow()))
                .isEqualTo(2);
        assertThat(Long.parseLong(http.get("gadgets?total=true&code__contains=" + other + "&price__in=0,1,4")
                        .headers()
                        .firstValue("X-Total-Count")
                        .orElseThrow()))
                .isEqualTo(2);

        assertThat(assertProblem(http.get("gadgets?version=1"), 400)
                        .get("detail")
                        .asText())
                .contains("code, name, price");
        assertProblem(http.get("gadgets?price__regex=1"), 400);
        assertProblem(http.get("gadgets?price=cheap"), 400);
        assertProblem(http.get("gadgets?price__contains=1"), 400);
        assertProblem(http.get("gadgets?sort=code"), 400);
        assertProblem(http.get("gadgets?limit=100000"), 400);
    }

    @Test
    void lazyRelationsLoadWhileTheResponseIsWritten() {
        // On EclipseLink these reads run without a read transaction (their results are an entity and a
        // list, not streams), on Hibernate within one: either way the lazy parent is there.
        HttpResponse<String> root = http.post("lineages", "{\"name\": \"root " + code("lineage") + "\"}");
        assertThat(root.statusCode()).as(root.body()).isEqualTo(201);
        long rootId = Http.json(root).get("id").asLong();
        HttpResponse<String> child = http.post("lineages", "{\"name\": \"child\", \"parent_id\": " + rootId + "}");
        assertThat(child.statusCode()).as(child.body()).isEqualTo(201);
        long childId = Http.json(child).get("id").asLong();

        JsonNode read = Http.json(http.get("lineages/" + childId));
        assertThat(read.at("/parent/id").asLong()).isEqualTo(rootId);
        assertThat(read.at("/parent/name").asText()).startsWith("root lineage-");
        assertThat(Http.json(http.get("lineages/" + rootId)).get("parent").isNull())
                .isTrue();

        JsonNode listed = Http.json(http.get("lineages?limit=500"));
        List<String> parents = new ArrayList<>();
        listed.forEach(item -> {
            if (item.get("id").asLong() == childId) {
                parents.add(item.at("/parent/name").asText());
            }
        });
        assertThat(parents).hasSize(1).allMatch(name -> name.startsWith("root lineage-"));
    }

    @Test
    void collectionsCarryAWeakETag() {
        HttpResponse<String> list = http.get("gadgets?limit=2");
        String etag = list.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).startsWith("W/\"");
        assertThat(http.get("gadgets?limit=2", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    // --- lifecycle events

    @Test
    void writesFireEventsAndAnObserverCanVetoInsideTheTransaction() {
        JsonNode created = create(code("events"), "Observed", 1);
        String id = created.get("id").asText();
        HttpResponse<String> updated =
                http.put(path(created), gadget(created.get("code").asText(), "Seen", 2), "If-Match", etag(created));
        assertThat(http.delete(
                                path(created),
                                "If-Match",
                                updated.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(204);

        List<String> seen = new ArrayList<>();
        Http.json(http.get("events")).forEach(event -> seen.add(event.asText()));
        assertThat(seen)
                .containsSubsequence(
                        "BEFORE_CREATE gadgets null",
                        "AFTER_CREATE gadgets " + id,
                        "BEFORE_UPDATE gadgets " + id,
                        "AFTER_UPDATE gadgets " + id,
                        "BEFORE_DELETE gadgets " + id,
                        "AFTER_DELETE gadgets " + id);

        JsonNode kept = create("keep-" + code("veto"), "Kept", 1);
        assertProblem(http.delete(path(kept), "If-Match", etag(kept)), 403);
        assertThat(http.get(path(kept)).statusCode()).isEqualTo(200);
        List<String> after = new ArrayList<>();
        Http.json(http.get("events")).forEach(event -> after.add(event.asText()));
        assertThat(after)
                .doesNotContain("AFTER_DELETE gadgets " + kept.get("id").asText());
    }

    // --- throttling

    @Test
    void sixtyFourParallelClientsGetExactlyTheLimitThrough() throws Exception {
        Windows.awayFromTheEnd(Duration.ofHours(1), Duration.ofSeconds(60));
        String client = "198.51.100." + SEQUENCE.incrementAndGet();

        List<HttpResponse<String>> answers =
                concurrently(64, i -> () -> http.get("limited", "X-Forwarded-For", client));

        List<HttpResponse<String>> passed =
                answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertThat(passed).hasSize(10);
        assertThat(passed)
                .allSatisfy(a ->
                        assertThat(a.headers().firstValue("RateLimit-Limit")).hasValue("10"));
        assertThat(passed.stream()
                        .map(a -> a.headers().firstValue("RateLimit-Remaining").orElseThrow()))
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<HttpResponse<String>> refused =
                answers.stream().filter(a -> a.statusCode() != 200).toList();
        assertThat(refused).hasSize(54).allSatisfy(a -> {
            assertProblem(a, 429);
            long retry = Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, 3600L);
            assertThat(a.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(a.headers().firstValue("RateLimit-Reset")).hasValue(String.valueOf(retry));
        });
        assertThat(http.get("limited", "X-Forwarded-For", client + "0").statusCode())
                .isEqualTo(200);
    }

    // --- the edge: this WAR trusts no proxy address (only the deprecated hop count) and has no CORS

    @Test
    void aDefaultOrderNoDeclaredIndexServesWarnsAtDeployment() {
        assertThat(ServerLog.sinceDeploymentOf("rest"))
                .contains("Handler 'lineages' (LineageHandler): the default order name, id has no index of Lineage"
                        + " to serve it, so every page sorts every row: declare @Table(indexes ="
                        + " @Index(columnList = \"name, id\")) on the entity")
                .doesNotContain("Handler 'gadgets'");
    }

    @Test
    void theDeprecatedHopCountWarnsAtDeployment() {
        assertThat(ServerLog.sinceDeploymentOf("rest"))
                .contains("piston.throttle.trusted-proxies is deprecated: set piston.proxy.trusted");
    }

    /**
     * From an address that is not a trusted proxy (loopback, here), proxy headers are ignored:
     * {@code Location} and {@code resource_uri} are the request's own. With no origin allowed, CORS
     * adds nothing: no {@code Access-Control-*} header, no {@code Vary: Origin}, and a preflight is an
     * ordinary {@code OPTIONS}.
     */
    @Test
    void proxyHeadersFromAnUntrustedAddressAreIgnoredAndCorsOffAddsNothing() {
        String[] headers = {
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "api.example.com",
            "X-Forwarded-Prefix", "/blog",
            "Forwarded", "proto=https;host=api.example.com",
            "Origin", "http://localhost:3000"
        };
        String own =
                java.net.URI.create(base.toString()).resolve("api/gadgets/").toString();

        HttpResponse<String> created = http.post("gadgets", gadget(code("edge"), "Edge", 1), headers);
        HttpResponse<String> preflight = http.send(
                "OPTIONS", "gadgets", null, "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(own);
        assertThat(Http.json(created).path("resource_uri").asText()).startsWith(own);
        assertThat(created.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(preflight.statusCode())
                .isEqualTo(http.send("OPTIONS", "gadgets", null).statusCode());
        assertThat(preflight.headers().firstValue("Allow")).isPresent();
        for (HttpResponse<String> answer : List.of(created, preflight)) {
            assertThat(answer.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
            assertThat(String.join(",", answer.headers().allValues("Vary"))).doesNotContain("Origin");
        }
    }

    @Test
    void operationsSharingAScopeShareOneBudget() {
        Windows.awayFromTheEnd(Duration.ofHours(1), Duration.ofSeconds(60));
        String client = "203.0.113." + SEQUENCE.incrementAndGet();

        assertThat(http.get("quota", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
        assertThat(http.post("quota", "{}", "X-Forwarded-For", client).statusCode())
                .isEqualTo(201);
        assertThat(http.get("quota-twin", "X-Forwarded-For", client).statusCode())
                .isEqualTo(200);
        assertProblem(http.get("quota", "X-Forwarded-For", client), 429);
        assertProblem(http.get("quota-twin", "X-Forwarded-For", client), 429);
        assertThat(http.send("OPTIONS", "quota", null, "X-Forwarded-For", client)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void aHandlerMountedUnderAnItemGetsTheTemplatesValueTypedAndItsParent() {
        JsonNode gadget = create(code("parts"), "Frame", 3);
        long id = gadget.get("id").asLong();

        HttpResponse<String> list = http.get("gadgets/" + id + "/parts");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode parts = Http.json(list);
        assertThat(parts.size()).isEqualTo(2);
        assertThat(parts.get(0).get("gadget").isNumber()).isTrue();
        assertThat(parts.get(0).get("gadget").asLong()).isEqualTo(id);
        assertThat(parts.get(0).get("type").asText()).isEqualTo("Long");
        assertThat(parts.get(0).get("of").asText()).isEqualTo("Frame");
        JsonNode part = Http.json(http.get("gadgets/" + id + "/parts/2"));
        assertThat(part.get("part").asInt()).isEqualTo(2);
        assertThat(part.get("gadget").asLong()).isEqualTo(id);
    }

    @Test
    void anUnknownOrUnconvertibleParentIs404() {
        assertProblem(http.get("gadgets/999999999/parts"), 404);
        assertProblem(http.get("gadgets/not-a-number/parts"), 404);
        assertProblem(http.get("gadgets/01/parts/1"), 404);
        assertProblem(http.get("gadget_parts"), 404);
        assertProblem(http.get("gadgets/1/wheels"), 404);
    }

    @Test
    void templatedPathsAnswer405WithAllowAndOptions() {
        long id = create(code("allow"), "Allowed", 1).get("id").asLong();

        HttpResponse<String> collection = http.delete("gadgets/" + id + "/parts");
        assertProblem(collection, 405);
        assertThat(collection.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        HttpResponse<String> item =
                http.send("PATCH", "gadgets/" + id + "/parts/1", "{}", "Content-Type", "application/merge-patch+json");
        assertProblem(item, 405);
        assertThat(item.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        HttpResponse<String> options = http.send("OPTIONS", "gadgets/" + id + "/parts/1", null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(options.headers().firstValue("Accept-Patch")).isEmpty();
    }

    // --- helpers

    private static String code(String what) {
        return what + "-" + System.nanoTime() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    private static String gadget(String code, String name, int price) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"price\":" + price + "}";
    }

    private JsonNode create(String code, String name, int price) {
        HttpResponse<String> response = http.post("gadgets", gadget(code, name, price));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = Http.json(response);
        ((com.fasterxml.jackson.databind.node.ObjectNode) created)
                .put("etag", response.headers().firstValue("ETag").orElseThrow());
        return created;
    }

    /** Creates {@code count} gadgets named "item 0".. with prices 0..; returns their common code prefix. */
    private String seed(String what, int count) {
        String prefix = code(what);
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append(gadget(prefix + "-" + i, "item " + i, i));
        }
        assertThat(http.post("gadgets", items + "]").statusCode()).isEqualTo(201);
        return prefix;
    }

    private static String path(JsonNode gadget) {
        return "gadgets/" + gadget.get("id").asLong();
    }

    private static String etag(JsonNode created) {
        return created.get("etag").asText();
    }

    /** The state part of a tag {@code "<version>-<8 characters of variant>"}: the version. */
    private static long version(String etag) {
        return Long.parseLong(etag.substring(1, etag.length() - VARIANT_SUFFIX));
    }

    private static long version(JsonNode created) {
        return version(etag(created));
    }

    /** The same variant's tag for another version. */
    private static String withVersion(String etag, long version) {
        return "\"" + version + etag.substring(etag.length() - VARIANT_SUFFIX);
    }

    private long total(String filter, String value) {
        HttpResponse<String> response = http.get("gadgets?total=true&" + filter + "=" + value);
        return Long.parseLong(response.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private List<String> names(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).findValuesAsText("name");
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher matcher = LINK.matcher(response.headers().firstValue("Link").orElse(""));
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }

    private static List<HttpResponse<String>> concurrently(
            int clients, IntFunction<Callable<HttpResponse<String>>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<HttpResponse<String>> request = call.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            answers.add(future.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return answers;
    }
}
