package io.pistonee.parser;

import static io.pistonee.parser.Bodies.parse;
import static io.pistonee.parser.Bodies.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlParserTest {

    private static final String YAML = "application/yaml";

    private final YamlParser parser = new YamlParser();

    @Test
    void readsPlainDataIntoATree() {
        assertThat(parse(parser, YAML, "title: Hello\ncount: 3\ntags: [a, b]\nnone: null\n")
                        .toString())
                .isEqualTo("{\"title\":\"Hello\",\"count\":3,\"tags\":[\"a\",\"b\"],\"none\":null}");
    }

    @Test
    void refusesAnAliasBombBeforeExpandingAnything() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";

        rejects(parser, YAML, bomb, 400).hasMessageContaining("anchors are not accepted");
    }

    @Test
    void refusesAliasesAndTagsThatConstructObjects() {
        rejects(parser, YAML, "a: *x\n", 400);
        rejects(parser, YAML, "a: !!python/object/apply:os.system ['id']\n", 400)
                .hasMessageContaining("tags are not accepted");
        rejects(parser, YAML, "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n", 400)
                .hasMessageContaining("tags are not accepted");
    }

    @Test
    void refusesMoreThanOneDocumentDuplicateKeysAndDeepNesting() {
        rejects(parser, YAML, "a: 1\n---\nb: 2\n", 400).hasMessageContaining("one document");
        rejects(parser, YAML, "a: 1\na: 2\n", 400);
        rejects(parser, YAML, "[".repeat(9) + "]".repeat(9), 400).hasMessageContaining("deeper than 8");
    }

    @Test
    void malformedYamlIs400WithTheLine() {
        rejects(parser, YAML, "a: [1, 2\nb: 3\n", 400).hasMessageStartingWith("Malformed YAML at line");
    }

    @Test
    void emptyBodyIs400() {
        rejects(parser, YAML, "", 400).hasMessageContaining("empty");
    }

    @Test
    void bodyOverTheLimitIs413() {
        rejects(parser, YAML, "a: " + "x".repeat(20_000), 413);
    }
}
