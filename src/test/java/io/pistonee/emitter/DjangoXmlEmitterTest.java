package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DjangoXmlEmitterTest {

    private final DjangoXmlEmitter emitter = new DjangoXmlEmitter();

    /**
     * What Django 3.2's {@code serializers.serialize("xml", Post.objects.order_by("pk"))} wrote for the
     * same two rows of the equivalent model (CharField, TextField, ForeignKey, DateTimeField,
     * BooleanField, FloatField, DecimalField, JSONField, ManyToManyField; USE_TZ=True), but for the
     * decimals: Django wrote {@code 12.50} and {@code 1.00} (its field's {@code decimal_places}), while
     * shaping drops trailing zeros, as in every format; Django reads both back as the same number.
     */
    private static final String DJANGO = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<django-objects version=\"1.0\"><object model=\"emitter.post\" pk=\"1\">"
            + "<field name=\"title\" type=\"CharField\">A &amp; &lt;b&gt; \"q\"</field>"
            + "<field name=\"body\" type=\"TextField\">two\nlines é</field>"
            + "<field name=\"author\" rel=\"ManyToOneRel\" to=\"emitter.author\">7</field>"
            + "<field name=\"published\" type=\"DateTimeField\">2026-11-27T05:23:25.472000+00:00</field>"
            + "<field name=\"draft\" type=\"BooleanField\">False</field>"
            + "<field name=\"rating\" type=\"FloatField\">1e+20</field>"
            + "<field name=\"price\" type=\"DecimalField\">12.5</field>"
            + "<field name=\"meta\" type=\"JSONField\">{\"k\": [\"\\u00e9\", 1.5, null, true]}</field>"
            + "<field name=\"readers\" rel=\"ManyToManyRel\" to=\"emitter.author\">"
            + "<object pk=\"7\"></object><object pk=\"8\"></object></field></object>"
            + "<object model=\"emitter.post\" pk=\"2\"><field name=\"title\" type=\"CharField\"></field>"
            + "<field name=\"body\" type=\"TextField\">x</field>"
            + "<field name=\"author\" rel=\"ManyToOneRel\" to=\"emitter.author\"><None></None></field>"
            + "<field name=\"published\" type=\"DateTimeField\"><None></None></field>"
            + "<field name=\"draft\" type=\"BooleanField\">True</field>"
            + "<field name=\"rating\" type=\"FloatField\">0.1</field>"
            + "<field name=\"price\" type=\"DecimalField\">1</field>"
            + "<field name=\"meta\" type=\"JSONField\">[]</field>"
            + "<field name=\"readers\" rel=\"ManyToManyRel\" to=\"emitter.author\"></field></object>"
            + "</django-objects>";

    @Entity
    public static class Author {
        @Id
        public Long id;

        public String name;

        Author(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    public static class Post {
        @Id
        public Long id;

        @Column(length = 200)
        public String title;

        @Lob
        public String body;

        @ManyToOne
        public Author author;

        public OffsetDateTime published;
        public boolean draft;
        public double rating;
        public BigDecimal price;
        public Object meta;

        @ManyToMany
        public List<Author> readers;
    }

    @Test
    void writesEntitiesExactlyAsDjangosXmlSerializerDoes() {
        Author ann = new Author(7, "ann");
        Post first = new Post();
        first.id = 1L;
        first.title = "A & <b> \"q\"";
        first.body = "two\nlines é";
        first.author = ann;
        first.published = OffsetDateTime.of(2026, 11, 27, 7, 23, 25, 472_000_123, ZoneOffset.ofHours(2));
        first.rating = 1e20;
        first.price = new BigDecimal("12.50");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("k", Arrays.asList("é", 1.5, null, true));
        first.meta = meta;
        first.readers = List.of(ann, new Author(8, "bob"));
        Post second = new Post();
        second.id = 2L;
        second.title = "";
        second.body = "x";
        second.draft = true;
        second.rating = 0.1;
        second.price = new BigDecimal("1.00");
        second.meta = List.of();
        second.readers = List.of();

        assertThat(Emissions.text(emitter, Emissions.of(List.of(first, second))))
                .isEqualTo(DJANGO);
    }

    @Test
    void oneItemIsStillADocumentOfObjects() {
        assertThat(Emissions.text(emitter, Emissions.of(Map.of("id", 3, "name", "anvil"))))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<django-objects version=\"1.0\">"
                        + "<object model=\"shop.thing\" pk=\"3\"><field name=\"name\" type=\"CharField\">anvil</field>"
                        + "</object></django-objects>");
    }

    @Test
    void valuesOfNoModelTakeTheTypeTheirKindSuggests() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("count", 4);
        row.put("big", 5_000_000_000L);
        row.put("ok", true);
        row.put("ratio", 0.5);
        row.put("none", null);
        row.put("tags", List.of("a"));

        assertThat(Emissions.text(emitter, Emissions.of(row)))
                .contains("<object model=\"shop.thing\">")
                .contains("<field name=\"count\" type=\"IntegerField\">4</field>")
                .contains("<field name=\"big\" type=\"BigIntegerField\">5000000000</field>")
                .contains("<field name=\"ok\" type=\"BooleanField\">True</field>")
                .contains("<field name=\"ratio\" type=\"FloatField\">0.5</field>")
                .contains("<field name=\"none\" type=\"CharField\"><None></None></field>")
                .contains("<field name=\"tags\" type=\"JSONField\">[\"a\"]</field>");
    }

    @Test
    void attributesAreQuotedAsPythonsQuoteattrDoes() {
        String both = Emissions.text(emitter, Emissions.of(Map.of("id", "a\"b'c<\n")));
        String doubleOnly = Emissions.text(emitter, Emissions.of(Map.of("id", "say \"hi\"")));

        assertThat(both).contains("pk=\"a&quot;b'c&lt;&#10;\"");
        assertThat(doubleOnly).contains("pk='say \"hi\"'");
    }

    @Test
    void charactersXmlCannotHoldAreReplaced() {
        assertThat(Emissions.text(emitter, Emissions.of(Map.of("id", 1, "name", "a\u0001b\ud800"))))
                .contains(">a\uFFFDb\uFFFD</field>");
    }

    @Test
    void aStreamIsWrittenItemByItemAndNotFlushedPerItem() {
        Stream<Map<String, Object>> rows = Stream.of(Map.of("id", 1), Map.of("id", 2));

        assertThat(Emissions.text(emitter, Emissions.of(rows)))
                .endsWith("<object model=\"shop.thing\" pk=\"1\"></object>"
                        + "<object model=\"shop.thing\" pk=\"2\"></object></django-objects>");
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }

    @Test
    void valuesAreWrittenAsDjangosValueToString() {
        assertThat(DjangoValues.dateTime("2026-11-01T09:00:00Z")).isEqualTo("2026-11-01T09:00:00+00:00");
        assertThat(DjangoValues.dateTime("2026-11-01T09:00:00.5-05:30")).isEqualTo("2026-11-01T14:30:00.500000+00:00");
        assertThat(DjangoValues.dateTime("2026-11-01T09:00")).isEqualTo("2026-11-01T09:00:00");
        assertThat(DjangoValues.time("09:00")).isEqualTo("09:00:00");
        assertThat(DjangoValues.repr(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(DjangoValues.repr(-123456789.0)).isEqualTo("-123456789.0");
        assertThat(DjangoValues.repr(1e16)).isEqualTo("1e+16");
        assertThat(DjangoValues.repr(0.0001)).isEqualTo("0.0001");
        assertThat(DjangoValues.duration(Emissions.MAPPER.valueToTree("PT26H3M4.5S")))
                .isEqualTo("1 02:03:04.500000");
        assertThat(DjangoValues.duration(Emissions.MAPPER.valueToTree("PT-1S"))).isEqualTo("-1 23:59:59");
    }
}
