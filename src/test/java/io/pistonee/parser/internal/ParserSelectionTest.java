package io.pistonee.parser.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.parser.JsonParser;
import io.pistonee.parser.Parser;
import io.pistonee.parser.RequestData;
import io.pistonee.parser.YamlParser;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserSelectionTest {

    private static final Parser JSON = parser("application/json");
    private static final Parser ANY_TEXT = parser("text/*");
    private static final Parser PLAIN = parser("text/plain");
    private static final Parser OTHER_PLAIN = parser("text/plain");

    @Test
    void aParserThatNamesTheTypeComesBeforeOneThatMatchesItThroughAWildcard() {
        List<ParserSelection.Ranked> parsers =
                List.of(new ParserSelection.Ranked(ANY_TEXT, 1), new ParserSelection.Ranked(PLAIN, 900));

        assertThat(ParserSelection.select(parsers, MediaType.valueOf("text/plain;charset=utf-8")))
                .containsExactly(PLAIN, ANY_TEXT);
        assertThat(ParserSelection.select(parsers, MediaType.valueOf("text/csv")))
                .containsExactly(ANY_TEXT);
    }

    @Test
    void amongParsersThatNameTheTypeTheLowerPriorityIsAskedFirst() {
        List<ParserSelection.Ranked> parsers = List.of(
                new ParserSelection.Ranked(OTHER_PLAIN, 700),
                new ParserSelection.Ranked(JSON, 100),
                new ParserSelection.Ranked(PLAIN, 200));

        assertThat(ParserSelection.select(parsers, MediaType.TEXT_PLAIN_TYPE)).containsExactly(PLAIN, OTHER_PLAIN);
        assertThat(ParserSelection.select(parsers, MediaType.APPLICATION_JSON_TYPE))
                .containsExactly(JSON);
    }

    @Test
    void noParserForATypeOrNoTypeLeavesTheBodyToTheRuntime() {
        List<ParserSelection.Ranked> parsers = List.of(new ParserSelection.Ranked(JSON, 100));

        assertThat(ParserSelection.select(parsers, MediaType.APPLICATION_XML_TYPE))
                .isEmpty();
        assertThat(ParserSelection.select(parsers, null)).isEmpty();
    }

    @Test
    void thePriorityIsTheBeanClassesOrItsNearestSuperclassesAndComesLastWithoutOne() {
        assertThat(ParserSelection.priority(JsonParser.class)).isEqualTo(100);
        assertThat(ParserSelection.priority(YamlParser.class)).isEqualTo(200);
        assertThat(ParserSelection.priority(Unranked.class)).isEqualTo(ParserSelection.DEFAULT_PRIORITY);
        assertThat(ParserSelection.priority(Ranked.class)).isEqualTo(42);
        assertThat(ParserSelection.priority(SubclassOfRanked.class)).isEqualTo(42);
    }

    private static Parser parser(String type) {
        return new Unranked(MediaType.valueOf(type));
    }

    private static class Unranked implements Parser {
        private final MediaType type;

        Unranked(MediaType type) {
            this.type = type;
        }

        @Override
        public List<MediaType> mediaTypes() {
            return List.of(type);
        }

        @Override
        public boolean isReadable(Class<?> c, Type generic, Annotation[] annotations, MediaType mediaType) {
            return true;
        }

        @Override
        public RequestData readFrom(
                Class<RequestData> c,
                Type generic,
                Annotation[] annotations,
                MediaType mediaType,
                MultivaluedMap<String, String> headers,
                InputStream body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return type + "@" + System.identityHashCode(this);
        }
    }

    @Priority(42)
    private static class Ranked extends Unranked {
        Ranked() {
            super(MediaType.TEXT_PLAIN_TYPE);
        }
    }

    private static class SubclassOfRanked extends Ranked {}
}
