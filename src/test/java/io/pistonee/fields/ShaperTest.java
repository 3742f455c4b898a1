package io.pistonee.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.net.URI;
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

    private final Shaper plain = new Shaper(PistonConfig.mapper("snake_case"), type -> null);

    @Test
    void shapesMapsListsRecordsAndScalarsLikeJackson() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", 3);
        value.put("points", List.of(new Point(1, LocalDate.of(2026, 1, 2))));
        value.put("none", null);
        value.put("maybe", Optional.of("yes"));

        JsonNode tree = plain.shape(value, null, ROOT);

        assertThat(tree.toString())
                .isEqualTo(
                        "{\"count\":3,\"points\":[{\"x\":1,\"day\":\"2026-01-02\"}],\"none\":null,\"maybe\":\"yes\"}");
    }

    @Test
    void writesDatesAsIso8601Strings() {
        JsonNode tree = plain.shape(new Article(1L, "t", null), FieldSpec.parse("created_on"), ROOT);

        assertThat(tree.get("created_on").asText()).isEqualTo("2026-11-01T09:30:00Z");
    }

    @Test
    void defaultFieldSetShowsEveryPropertyWithRelatedEntitiesAsIds() {
        JsonNode tree = plain.shape(new Article(7L, "Title", new Writer(3L, "ann")), null, ROOT);

        assertThat(tree.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "title", "writer", "created_on", "private_notes");
        assertThat(tree.get("writer").asLong()).isEqualTo(3L);
    }

    @Test
    void respectsJsonIgnore() {
        JsonNode tree = plain.shape(new Writer(3L, "ann"), null, ROOT);

        assertThat(tree.has("password")).isFalse();
        assertThat(tree.get("username").asText()).isEqualTo("ann");
    }

    @Test
    void listedFieldsComeInOrderAndNest() {
        JsonNode tree = plain.shape(
                new Article(7L, "Title", new Writer(3L, "ann")), FieldSpec.parse("title, writer(username), id"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"title\":\"Title\",\"writer\":{\"username\":\"ann\"},\"id\":7}");
    }

    @Test
    void plainNameOfAnEntityEmitsItsDefaultShape() {
        JsonNode tree = plain.shape(new Article(7L, "Title", new Writer(3L, "ann")), FieldSpec.parse("writer"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"writer\":{\"id\":3,\"username\":\"ann\"}}");
    }

    @Test
    void excludeTrimsTheDefaultSet() {
        FieldSpec spec = FieldSpec.of(new String[0], new String[] {"^private_", "writer"});

        JsonNode tree = plain.shape(new Article(7L, "Title", null), spec, ROOT);

        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "title", "created_on");
    }

    @Test
    void modelShapeSuppliesComputedFieldsResourceUriAndItsDefaultSpec() {
        ModelShape articles = new ModelShape(
                FieldSpec.parse("id, title_length, resource_uri"),
                Map.of(
                        "title_length",
                        instance -> ((Article) instance).getTitle().length()),
                instance -> "articles/" + ((Article) instance).getId());
        Shaper shaper = new Shaper(PistonConfig.mapper("snake_case"), type -> type == Article.class ? articles : null);

        JsonNode tree = shaper.shape(List.of(new Article(7L, "Title", null)), null, ROOT);

        assertThat(tree.toString())
                .isEqualTo("[{\"id\":7,\"title_length\":5,\"resource_uri\":\"http://localhost/api/articles/7\"}]");
    }

    @Test
    void mapsFollowAListedSpec() {
        Map<String, Object> value = Map.of("a", 1, "b", Map.of("c", 2, "d", 3));

        JsonNode tree = plain.shape(value, FieldSpec.parse("b(c), missing"), ROOT);

        assertThat(tree.toString()).isEqualTo("{\"b\":{\"c\":2}}");
    }

    @Test
    void streamsAndArraysBecomeArrays() {
        assertThat(plain.shape(Stream.of(1, 2), null, ROOT).toString()).isEqualTo("[1,2]");
        assertThat(plain.shape(new String[] {"a"}, null, ROOT).toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void namesFollowTheConfiguredNaming() {
        Shaper camel = new Shaper(PistonConfig.mapper("camelCase"), type -> null);

        JsonNode tree = camel.shape(new Article(7L, "Title", null), null, ROOT);

        assertThat(tree.has("createdOn")).isTrue();
    }

    @Test
    void findsTheIdOfAnEntity() {
        assertThat(plain.idOf(new Writer(3L, "ann"))).isEqualTo(3L);
        assertThat(plain.idOf(new Point(1, null))).isNull();
    }

    @Test
    void stopsOnACycleInsteadOfOverflowing() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);

        assertThatThrownBy(() -> plain.shape(loop, null, ROOT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle");
    }
}
