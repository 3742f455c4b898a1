package io.pistonee.parser;

import static io.pistonee.parser.Bodies.parse;
import static io.pistonee.parser.Bodies.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharactersTest {

    private static final String JSON = "application/json";

    @Test
    void anUnpairedSurrogateIs400NamingTheField() {
        assertThatThrownBy(() -> parse(new JsonParser(), JSON, "{\"title\": \"\\ud800\", \"content\": \"c\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail())
                            .isEqualTo("Field 'title' contains U+D800, a character no format can carry.");
                    assertThat(e.problem().extensions().get("errors"))
                            .isEqualTo(List.of(Map.of(
                                    "field", "title", "message", "contains U+D800, a character no format can carry")));
                });
    }

    @Test
    void aLowSurrogateAloneOrInTheWrongOrderIs400() {
        rejects(new JsonParser(), JSON, "{\"title\": \"\\udc00\"}", 400).hasMessageContaining("U+DC00");
        rejects(new JsonParser(), JSON, "{\"title\": \"\\udc00\\ud800\"}", 400).hasMessageContaining("U+DC00");
    }

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAre400() {
        rejects(new JsonParser(), JSON, "{\"title\": \"a\\u0000b\"}", 400).hasMessageContaining("U+0000");
        rejects(new JsonParser(), JSON, "{\"title\": \"\\u001b[31m\"}", 400).hasMessageContaining("U+001B");
        rejects(new JsonParser(), JSON, "{\"title\": \"\\uffff\"}", 400).hasMessageContaining("U+FFFF");
    }

    @Test
    void nestedValuesAndArrayItemsAreNamedByTheirPath() {
        rejects(new JsonParser(), JSON, "{\"lines\": [{\"product\": \"ok\"}, {\"product\": \"\\u0007\"}]}", 400)
                .hasMessage("Field 'lines[1].product' contains U+0007, a character no format can carry.");
        rejects(new JsonParser(), JSON, "[{\"title\": \"ok\"}, {\"title\": \"\\ud800\"}]", 400)
                .hasMessage("Field '[1].title' contains U+D800, a character no format can carry.");
    }

    @Test
    void memberNamesAreCheckedToo() {
        rejects(new JsonParser(), JSON, "{\"ti\\u0000tle\": \"x\"}", 400)
                .hasMessage("A member name contains U+0000, a character no format can carry.");
        rejects(new JsonParser(), JSON, "{\"author\": {\"user\\u0000\": \"x\"}}", 400)
                .hasMessage("A member name in 'author' contains U+0000, a character no format can carry.");
    }

    @Test
    void everyFormatIsChecked() {
        rejects(new FormParser(), "application/x-www-form-urlencoded", "title=a%00b", 400)
                .hasMessageContaining("'title'");
        rejects(new YamlParser(), "application/yaml", "title: \"a\\0b\"\n", 400).hasMessageContaining("'title'");
        rejects(new PatchParser(), "application/merge-patch+json", "{\"title\": \"\\ud800\"}", 400)
                .hasMessageContaining("'title'");
    }

    @Test
    void tabsLineBreaksPairedSurrogatesAndOtherScriptsPass() {
        String text = "tab\tline\nreturn\r emoji \uD83D\uDE00 中文 \u00e9 \u0085 \ufffd";

        assertThat(Characters.firstInvalid(text)).isEqualTo(-1);
        assertThat(parse(new JsonParser(), JSON, "{\"title\": \"tab\\t \\ud83d\\ude00 \\ufffd\"}")
                        .get("title")
                        .asText())
                .isEqualTo("tab\t \uD83D\uDE00 \ufffd");
    }

    @Test
    void aTopLevelStringIsTheBody() {
        rejects(new JsonParser(), JSON, "\"\\u0000\"", 400)
                .hasMessage("The request body contains U+0000, a character no format can carry.");
    }
}
