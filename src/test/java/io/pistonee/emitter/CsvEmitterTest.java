package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CsvEmitterTest {

    record Author(String username, String firstName) {}

    record Post(long id, String title, Author author, String note) {}

    private final CsvEmitter emitter = new CsvEmitter();

    @Test
    void headerIsTheShapedFieldsWithNestedOnesFlattened() throws IOException {
        List<Post> posts = List.of(
                new Post(1, "Hello, \"world\"", new Author("ann", "Ann"), null),
                new Post(2, "Line\nbreak", new Author("bob", null), ""));

        String csv = Emissions.text(emitter, Emissions.of(posts));
        List<List<String>> rows = parse(csv);

        assertThat(csv).startsWith("id,title,author.username,author.first_name,note\r\n");
        assertThat(rows.get(1)).containsExactly("1", "Hello, \"world\"", "ann", "Ann", "");
        assertThat(rows.get(2)).containsExactly("2", "Line\nbreak", "bob", "", "");
        assertThat(csv).endsWith("bob,,\"\"\r\n");
    }

    @Test
    void cellsAreUtf8WithSpacesAndLongRowsQuotedAsBefore() throws IOException {
        String text = "é € \uD83D\uDE00 lone \uD800 end";
        String longText = "x".repeat(70_000) + "ü";
        List<Map<String, Object>> rows = List.of(Map.of("a", text), Map.of("a", " padded "), Map.of("a", longText));

        String csv = Emissions.text(emitter, Emissions.of(rows.stream()));

        assertThat(csv).isEqualTo("a\r\n" + text.replace('\uD800', '?') + "\r\n\" padded \"\r\n" + longText + "\r\n");
    }

    @Test
    void aCollectionInMemoryGetsEveryRowsColumns() throws IOException {
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("a", 2);
        second.put("b", List.of("x", "y"));

        List<List<String>> rows = parse(Emissions.text(emitter, Emissions.of(List.of(Map.of("a", 1), second))));

        assertThat(rows).containsExactly(List.of("a", "b.0", "b.1"), List.of("1", "", ""), List.of("2", "x", "y"));
    }

    @Test
    void aStreamIsWrittenRowByRowWithTheFirstRowsColumns() throws IOException {
        Stream<Map<String, Object>> stream = Stream.of(Map.of("a", 1), Map.of("a", 2, "b", 3));

        assertThat(parse(Emissions.text(emitter, Emissions.of(stream))))
                .containsExactly(List.of("a"), List.of("1"), List.of("2"));
    }

    @Test
    void oneObjectIsOneRowAndAScalarAValueColumn() throws IOException {
        assertThat(parse(Emissions.text(emitter, Emissions.of(new Author("ann", "Ann")))))
                .containsExactly(List.of("username", "first_name"), List.of("ann", "Ann"));
        assertThat(parse(Emissions.text(emitter, Emissions.of(42)))).containsExactly(List.of("value"), List.of("42"));
    }

    record Entry(String text, long amount, double ratio) {}

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() throws IOException {
        List<Entry> entries = List.of(
                new Entry("=HYPERLINK(\"http://evil.example\",\"Click\")", -5, -0.5),
                new Entry("+1+1", 1, 1.5),
                new Entry("-2+3", 2, 0),
                new Entry("@SUM(A1:A9)", 3, 0),
                new Entry("\tTabbed", 4, 0),
                new Entry("\r=1", 5, 0),
                new Entry("-12.5", 6, 0),
                new Entry("a=b, -c", 7, 0));

        List<List<String>> rows = parse(Emissions.text(emitter, Emissions.of(entries)));

        assertThat(rows)
                .extracting(row -> row.get(0))
                .containsExactly(
                        "text",
                        "'=HYPERLINK(\"http://evil.example\",\"Click\")",
                        "'+1+1",
                        "'-2+3",
                        "'@SUM(A1:A9)",
                        "'\tTabbed",
                        "'\r=1",
                        "-12.5",
                        "a=b, -c");
        assertThat(rows.get(1)).containsExactly("'=HYPERLINK(\"http://evil.example\",\"Click\")", "-5", "-0.5");
    }

    @Test
    void aHeaderThatWouldRunAsAFormulaIsEscapedToo() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("=cmd", "x");
        row.put("-1", "y");

        assertThat(parse(Emissions.text(emitter, Emissions.of(Stream.of(row)))))
                .containsExactly(List.of("'=cmd", "-1"), List.of("x", "y"));
    }

    @Test
    void escapingFormulasCanBeSwitchedOff() throws IOException {
        emitter.escapeFormulas = false;

        assertThat(parse(Emissions.text(emitter, Emissions.of(List.of(new Entry("=1+1", -1, 0))))))
                .containsExactly(List.of("text", "amount", "ratio"), List.of("=1+1", "-1", "0.0"));
    }

    @Test
    void emptyObjectsAndArraysAreOneEmptyCellAndNestedArraysAreIndexed() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("tags", List.of());
        row.put("meta", Map.of());
        row.put("grid", List.of(List.of("a", "b"), List.of("c")));
        row.put("price", new java.math.BigDecimal("12.50"));
        row.put("flag", true);

        assertThat(parse(Emissions.text(emitter, Emissions.of(List.of(row)))))
                .containsExactly(
                        List.of("id", "tags", "meta", "grid.0.0", "grid.0.1", "grid.1.0", "price", "flag"),
                        List.of("1", "", "", "a", "b", "c", "12.5", "true"));
        assertThat(parse(Emissions.text(emitter, Emissions.of(Map.of()))))
                .containsExactly(List.of("value"), List.of(""));
    }

    @Test
    void aStreamedRowWithItsColumnsInAnotherOrderIsWrittenUnderTheHeader() throws IOException {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("a", 1);
        first.put("b", Map.of("c", "x"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("b", Map.of("c", "y"));
        second.put("a", 2);

        assertThat(parse(Emissions.text(emitter, Emissions.of(Stream.of(first, second, Map.of("a", 3))))))
                .containsExactly(List.of("a", "b.c"), List.of("1", "x"), List.of("2", "y"), List.of("3", ""));
    }

    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(csv)) {
            return rows.readAll();
        }
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
