package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.handlers.CountHandler;
import io.pistonee.it.handlers.Note;
import io.pistonee.it.handlers.NoteHandler;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The field spec on handlers tied to no model, in a WAR built on the framework jar: regex excludes,
 * list fields, sensitive properties, cycles, {@code ?fields=}, streamed results, and JSONP switched
 * on by configuration.
 */
@ExtendWith(ArquillianExtension.class)
class FieldsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library("fields", NoteHandler.class, Note.class, CountHandler.class)
                .addAsResource(new StringAsset("piston.jsonp=true\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    void regexExcludeAndSensitiveTrimTheDefaultFields() {
        JsonNode note = Http.json(http.get("notes/1"));

        assertThat(note.fieldNames()).toIterable().containsExactly("id", "title", "tags", "related");
    }

    @Test
    void aCycleIsCutInsteadOfLooping() {
        JsonNode note = Http.json(http.get("notes/1"));

        assertThat(note.get("related").get("title").asText()).isEqualTo("Second");
        assertThat(note.get("related").get("related").isNull()).isTrue();
        for (String format : List.of("yaml", "xml", "csv", "pickle", "django")) {
            assertThat(http.get("notes/1?format=" + format).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void listFieldsShapeEachItemOfACollection() {
        JsonNode notes = Http.json(http.get("notes"));

        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).fieldNames()).toIterable().containsExactly("id", "title");
    }

    @Test
    void sensitivePropertiesNeverLeakInAnyFormatOrUnderFields() {
        for (String format : List.of("json", "yaml", "xml", "csv", "django")) {
            assertThat(http.get("notes/1?format=" + format).body()).doesNotContain(NoteHandler.TOKEN);
            assertThat(http.get("notes?fields=token&format=" + format).body()).doesNotContain(NoteHandler.TOKEN);
        }
        assertThat(http.get("notes/1?fields=token,private_remark").body()).isEqualTo("{}");
    }

    @Test
    void fieldsParameterNarrowsNestedObjects() {
        assertThat(http.get("notes/1?fields=title,related(title)").body())
                .isEqualTo("{\"title\":\"First\",\"related\":{\"title\":\"Second\"}}");
    }

    @Test
    void aLongStreamIsWrittenInFullInEveryStreamedFormat() {
        List<List<String>> csv = Formats.csv(http.get("counts?format=csv").body());
        List<Map<String, Object>> yaml =
                Formats.yaml(http.get("counts?format=yaml").body());
        JsonNode json = Http.json(http.get("counts"));

        assertThat(csv).hasSize(CountHandler.ROWS + 1);
        assertThat(csv.get(CountHandler.ROWS)).containsExactlyInAnyOrder("200000", "40000000000");
        assertThat(yaml).hasSize(CountHandler.ROWS);
        assertThat(json.size()).isEqualTo(CountHandler.ROWS);
        assertThat(Formats.children(Formats.xml(http.get("counts.xml").body()))).hasSize(CountHandler.ROWS);
    }

    @Test
    void jsonpWrapsJsonInTheCallbackWhenSwitchedOn() {
        HttpResponse<String> response = http.get("notes/2?callback=app.notes.receive");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/javascript");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.body())
                .startsWith("/**/app.notes.receive({\"id\":2,")
                .endsWith("});");
        assertThat(http.get("notes/2?format=yaml&callback=x").body()).doesNotContain("x(");
    }

    @Test
    void aCallbackThatIsNoIdentifierIs400() {
        assertProblem(http.get("notes/2?callback=alert(document.cookie)"), 400);
        assertProblem(http.get("notes/2?callback=a..b"), 400);
    }
}
