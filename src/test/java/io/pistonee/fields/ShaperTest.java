package io.pistonee.fields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.ModelShape;
import io.pistonee.fields.internal.Shaper;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShaperTest {

    private static final URI ROOT = URI.create("http://localhost/api/");

    @Entity
    public static class Writer {
        @Id
        private Long id;

        private String username;

        @JsonIgnore
        private String password = "secret";

        public Writer() {}

        Writer(Long id, String username) {
            this.id = id;
            this.username = username;
        }

        public Long getId() {
            return id;
        }

        public String getUsername() {
            return username;
        }

        public String getPassword() {
            return password;
        }
    }

    @Entity
    public static class Article {
        @Id
        private Long id;

        private String title;
        private Writer writer;
        private OffsetDateTime createdOn = OffsetDateTime.of(2026, 11, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        private String privateNotes = "hidden";

        public Article() {}

        Article(Long id, String title, Writer writer) {
            this.id = id;
            this.title = title;
            this.writer = writer;
        }

        public Long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public Writer getWriter() {
            return writer;
        }

        public OffsetDateTime getCreatedOn() {
            return createdOn;
        }

        public String getPrivateNotes() {
            return privateNotes;
        }
    }

    record Point(int x, LocalDate day) {}

    @Entity
    public static class Section {
        @Id
        private Long id;

        private String name;
        private Section parent;
        final List<Section> children = new ArrayList<>();

        Section(Long id, String name, Section parent) {
            this.id = id;
            this.name = name;
            this.parent = parent;
        }

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public Section getParent() {
            return parent;
        }

        public List<Section> getChildren() {
            return children;
        }
    }

    public static class Pair {
        private final String name;
        Pair other;

        Pair(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public Pair getOther() {
            return other;
        }
    }

    @Entity
    public static class Account {
        @Id
        private Long id;

        private String username;

        @Sensitive
        private String passwordHash;

        Account(Long id, String username, String passwordHash) {
            this.id = id;
            this.username = username;
            this.passwordHash = passwordHash;
        }

        public Long getId() {
            return id;
        }

        public String getUsername() {
            return username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }
    }

    /**
     * What a shaper makes of a value, checked against what it writes straight to a generator: both
     * must be the same document.
     */
    private static JsonNode shaped(Shaper shaper, Object value, FieldSpec spec, URI root) {
        return shaped(shaper, value, spec, null, root);
    }

    private static JsonNode shaped(Shaper shaper, Object value, FieldSpec spec, FieldSpec narrow, URI root) {
        JsonNode tree = shaper.shape(value, spec, narrow, root);
        if (value instanceof java.util.stream.BaseStream<?, ?> || value instanceof java.util.Iterator<?>) {
            return tree; // read once: nothing left to write
        }
        ObjectMapper mapper = PistonConfig.mapper("snake_case");
        java.io.StringWriter written = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator generator =
                mapper.getFactory().createGenerator(written)) {
            shaper.write(value, spec, narrow, root, generator);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            assertThat(written.toString()).as("written for %s", value).isEqualTo(mapper.writeValueAsString(tree));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tree;
    }

    private final Shaper plain = new Shaper(PistonConfig.mapper("snake_case"), type -> null);

    @Test
    void shapesMapsListsRecordsAndScalarsLikeJackson() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", 3);
        value.put("points", List.of(new Point(1, LocalDate.of(2026, 1, 2))));
        value.put("none", null);
        value.put("maybe", Optional.of("yes"));

        JsonNode tree = shaped(plain, value, null, ROOT);

        assertThat(tree.toString())
                .isEqualTo(
                        "{\"count\":3,\"points\":[{\"x\":1,\"day\":\"2026-01-02\"}],\"none\":null,\"maybe\":\"yes\"}");
    }

    @Test
    void writesDatesAsIso8601Strings() {
        JsonNode tree = shaped(plain, new Article(1L, "t", null), FieldSpec.parse("created_on"), ROOT);

        assertThat(tree.get("created_on").asText()).isEqualTo("2026-11-01T09:30:00Z");
    }

    @Test
    void defaultFieldSetShowsEveryPropertyWithRelatedEntitiesAsIds() {
        JsonNode tree = shaped(plain, new Article(7L, "Title", new Writer(3L, "ann")), null, ROOT);

        assertThat(tree.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "title", "writer", "created_on", "private_notes");
        assertThat(tree.get("writer").asLong()).isEqualTo(3L);
    }

    @Test
    void respectsJsonIgnore() {
        JsonNode tree = shaped(plain, new Writer(3L, "ann"), null, ROOT);

        assertThat(tree.has("password")).isFalse();
        assertThat(tree.get("username").asText()).isEqualTo("ann");
    }

    @Test
    void listedFieldsComeInOrderAndNest() {
        JsonNode tree = shaped(
                plain,
                new Article(7L, "Title", new Writer(3L, "ann")),
                FieldSpec.parse("title, writer(username), id"),
                ROOT);

        assertThat(tree.toString()).isEqualTo("{\"title\":\"Title\",\"writer\":{\"username\":\"ann\"},\"id\":7}");
    }

    @Test
    void plainNameOfAnEntityEmitsItsDefaultShape() {
        JsonNode tree = shaped(plain, new Article(7L, "Title", new Writer(3L, "ann")), FieldSpec.parse("writer"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"writer\":{\"id\":3,\"username\":\"ann\"}}");
    }

    @Test
    void excludeTrimsTheDefaultSet() {
        FieldSpec spec = FieldSpec.of(new String[0], new String[] {"^private_", "writer"});

        JsonNode tree = shaped(plain, new Article(7L, "Title", null), spec, ROOT);

        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "title", "created_on");
    }

    @Test
    void modelShapeSuppliesComputedFieldsResourceUriAndItsDefaultSpec() {
        ModelShape articles = new ModelShape(
                FieldSpec.parse("id, title_length, resource_uri"),
                Map.of(
                        "title_length",
                        instance -> ((Article) instance).getTitle().length()),
                instance -> "articles/" + ((Article) instance).getId(),
                null);
        Shaper shaper = new Shaper(PistonConfig.mapper("snake_case"), type -> type == Article.class ? articles : null);

        JsonNode tree = shaped(shaper, List.of(new Article(7L, "Title", null)), null, ROOT);

        assertThat(tree.toString())
                .isEqualTo("[{\"id\":7,\"title_length\":5,\"resource_uri\":\"http://localhost/api/articles/7\"}]");
    }

    @Test
    void dateTimesAreTheTextJacksonMakes() {
        ObjectMapper mapper = PistonConfig.mapper("snake_case");
        List<Object> times = List.of(
                OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 1, 9, 30, 15, 1_000, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 999_999_999, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(12026, 6, 30, 23, 59, 59, 500_000_000, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)),
                Instant.EPOCH,
                Instant.parse("2026-11-27T07:23:25.472Z"),
                Instant.ofEpochSecond(-62_000_000_000L, 7));

        for (Object time : times) {
            assertThat(shaped(plain, time, null, ROOT)).as("%s", time).isEqualTo(mapper.valueToTree(time));
        }
    }

    @Test
    void dateTimesFollowAMapperThatWritesTimestamps() {
        ObjectMapper timestamps = PistonConfig.mapper("snake_case")
                .copy()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Shaper shaper = new Shaper(timestamps, type -> null);
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

        assertThat(shaped(shaper, time, null, ROOT)).isEqualTo(timestamps.valueToTree(time));
        assertThat(shaped(shaper, time, null, ROOT).isNumber()).isTrue();
    }

    @Test
    void plainValuesAreTheNodesJacksonMakes() {
        ObjectMapper mapper = PistonConfig.mapper("snake_case");

        for (Object value : List.of("text", "", 7, -7L, Long.MAX_VALUE, true, false)) {
            JsonNode shaped = shaped(plain, value, null, ROOT);
            assertThat(shaped).as("%s", value).isEqualTo(mapper.valueToTree(value));
            assertThat(shaped.getNodeType()).isEqualTo(mapper.valueToTree(value).getNodeType());
        }
    }

    @Test
    void resourceUriIsThePathResolvedAgainstTheRoot() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("articles/7", "http://localhost/api/articles/7");
        paths.put("articles/a%20b", "http://localhost/api/articles/a%20b");
        paths.put("articles/..", "http://localhost/api/");
        paths.put("../elsewhere/1", "http://localhost/elsewhere/1");
        paths.put("/root/1", "http://localhost/root/1");
        for (var path : paths.entrySet()) {
            ModelShape articles =
                    new ModelShape(FieldSpec.parse("resource_uri"), Map.of(), instance -> path.getKey(), null);
            Shaper shaper =
                    new Shaper(PistonConfig.mapper("snake_case"), type -> type == Article.class ? articles : null);

            assertThat(shaped(shaper, new Article(7L, "Title", null), null, ROOT)
                            .get("resource_uri")
                            .asText())
                    .isEqualTo(path.getValue())
                    .isEqualTo(ROOT.resolve(path.getKey()).toString());
        }
    }

    @Test
    void mapsFollowAListedSpec() {
        Map<String, Object> value = Map.of("a", 1, "b", Map.of("c", 2, "d", 3));

        JsonNode tree = shaped(plain, value, FieldSpec.parse("b(c), missing"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"b\":{\"c\":2}}");
    }

    @Test
    void streamsAndArraysBecomeArrays() {
        assertThat(shaped(plain, Stream.of(1, 2), null, ROOT).toString()).isEqualTo("[1,2]");
        assertThat(shaped(plain, new String[] {"a"}, null, ROOT).toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void namesFollowTheConfiguredNaming() {
        Shaper camel = new Shaper(PistonConfig.mapper("camelCase"), type -> null);

        JsonNode tree = shaped(camel, new Article(7L, "Title", null), null, ROOT);

        assertThat(tree.has("createdOn")).isTrue();
    }

    @Test
    void findsTheIdOfAnEntity() {
        assertThat(plain.idOf(new Writer(3L, "ann"))).isEqualTo(3L);
        assertThat(plain.idOf(new Point(1, null))).isNull();
    }

    @Test
    void aCollectionThatHoldsItselfIsCutWithNull() {
        List<Object> loop = new ArrayList<>();
        loop.add(1);
        loop.add(loop);

        assertThat(shaped(plain, loop, null, ROOT).toString()).isEqualTo("[1,null]");
    }

    @Test
    void anEntityMetAgainBelowItselfIsEmittedAsItsId() {
        Section root = new Section(1L, "root", null);
        Section child = new Section(2L, "child", root);
        root.children.add(child);

        JsonNode tree = shaped(plain, root, FieldSpec.parse("name, children(name, parent(name, children()))"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"name\":\"root\",\"children\":[{\"name\":\"child\",\"parent\":1}]}");
    }

    @Test
    void beansThatReferToEachOtherNeverLoop() {
        Pair first = new Pair("first");
        Pair second = new Pair("second");
        first.other = second;
        second.other = first;

        JsonNode tree = shaped(plain, first, null, ROOT);

        assertThat(tree.toString()).isEqualTo("{\"name\":\"first\",\"other\":{\"name\":\"second\",\"other\":null}}");
    }

    @Test
    void sensitivePropertiesStayOutOfEveryDefaultSet() {
        Account account = new Account(5L, "ann", "$2a$10$hash");

        JsonNode alone = shaped(plain, account, null, ROOT);
        JsonNode nested = shaped(plain, Map.of("account", account), null, ROOT);
        JsonNode narrowed = shaped(plain, account, null, FieldSpec.parse("username, password_hash"), ROOT);
        JsonNode listed = shaped(plain, account, FieldSpec.parse("username, password_hash"), ROOT);

        assertThat(alone.toString()).isEqualTo("{\"id\":5,\"username\":\"ann\"}");
        assertThat(nested.toString()).doesNotContain("hash");
        assertThat(narrowed.toString()).isEqualTo("{\"username\":\"ann\"}");
        assertThat(listed.get("password_hash").asText()).isEqualTo("$2a$10$hash");
    }

    @Test
    void narrowingKeepsOnlyFieldsBothSpecsNameAndNeverWidens() {
        Article article = new Article(7L, "Title", new Writer(3L, "ann"));
        FieldSpec handler = FieldSpec.parse("id, title, writer(id, username)");

        JsonNode tree =
                shaped(plain, article, handler, FieldSpec.parse("writer(username), title, private_notes"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"title\":\"Title\",\"writer\":{\"username\":\"ann\"}}");
    }

    @Test
    void narrowingAppliesToEveryItemOfACollectionAndToMaps() {
        List<Map<String, Object>> rows = List.of(Map.of("a", 1, "b", 2), Map.of("a", 3, "b", 4));

        assertThat(shaped(plain, rows, null, FieldSpec.parse("b"), ROOT).toString())
                .isEqualTo("[{\"b\":2},{\"b\":4}]");
    }

    @Test
    void storedFormHasTheLabelTheKeyAndPersistentFieldsWithRelationsAsKeys() {
        Article article = new Article(7L, "Title", new Writer(3L, "ann"));

        ModelItem item =
                plain.stored(article, FieldSpec.parse("id, title, writer(username), resource_uri"), null, ROOT, "x.y");

        assertThat(item.model()).isEqualTo("fields.article");
        assertThat(item.pk().asLong()).isEqualTo(7L);
        assertThat(item.fields().toString()).isEqualTo("{\"title\":\"Title\",\"writer\":3}");
    }

    @Test
    void storedFormOfAMapTakesTheFallbackLabelAndItsIdMember() {
        ModelItem item = plain.stored(Map.of("id", 4, "name", "n"), null, null, ROOT, "shop.thing");

        assertThat(item.model()).isEqualTo("shop.thing");
        assertThat(item.pk().asInt()).isEqualTo(4);
        assertThat(item.fields().toString()).isEqualTo("{\"name\":\"n\"}");
    }

    @Test
    void storedFormCutsCyclesInNestedValues() {
        Pair first = new Pair("first");
        Pair second = new Pair("second");
        first.other = second;
        second.other = first;

        ModelItem item = plain.stored(first, null, null, ROOT, "x.y");

        // The item itself is not shaped, so the cycle is cut one level further down than in shape().
        assertThat(item.fields().toString())
                .isEqualTo(
                        "{\"name\":\"first\",\"other\":{\"name\":\"second\",\"other\":{\"name\":\"first\",\"other\":null}}}");
    }

    @Test
    void labelIsThePackagesLastSegmentAndTheLowerCaseName() {
        assertThat(Shaper.label(Article.class)).isEqualTo("fields.article");
    }
}
