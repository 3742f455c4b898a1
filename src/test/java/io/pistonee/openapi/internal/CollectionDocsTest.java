package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.collection.Lookup;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionDocsTest {

    static class Writer {
        private String username;
        private long id;

        public String getUsername() {
            return username;
        }

        public long getId() {
            return id;
        }
    }

    static class Entry {
        private Writer author;
        private OffsetDateTime createdOn;
        private boolean draft;
        private List<String> tags;

        public String getSlug() {
            return "";
        }
    }

    static class Article extends Entry {}

    @Test
    void followsAttributePathsThroughFieldsRelationsSuperclassesAndGetters() {
        assertThat(CollectionDocs.attributeType(Article.class, "author.username"))
                .isEqualTo(String.class);
        assertThat(CollectionDocs.attributeType(Article.class, "createdOn")).isEqualTo(OffsetDateTime.class);
        assertThat(CollectionDocs.attributeType(Article.class, "author.id")).isEqualTo(long.class);
        assertThat(CollectionDocs.attributeType(Article.class, "slug")).isEqualTo(String.class);
    }

    @Test
    void anAttributeThatCannotBeResolvedIsUnknown() {
        assertThat(CollectionDocs.attributeType(Article.class, "author.missing"))
                .isNull();
        assertThat(CollectionDocs.attributeType(Article.class, "tags")).isNull();
    }

    @Test
    void offersTextLookupsOnTextAndComparisonsOnOrderedTypesOnly() {
        assertThat(lookups(String.class)).containsExactly(Lookup.values());
        assertThat(lookups(OffsetDateTime.class))
                .containsExactly(Lookup.EXACT, Lookup.GT, Lookup.GTE, Lookup.LT, Lookup.LTE, Lookup.IN);
        assertThat(lookups(long.class))
                .containsExactly(Lookup.EXACT, Lookup.GT, Lookup.GTE, Lookup.LT, Lookup.LTE, Lookup.IN);
        assertThat(lookups(Writer.class)).containsExactly(Lookup.EXACT, Lookup.IN);
        assertThat(lookups(null)).containsExactly(Lookup.values());
    }

    private static List<Lookup> lookups(Class<?> type) {
        return Arrays.stream(Lookup.values())
                .filter(lookup -> lookup.appliesTo(type))
                .toList();
    }
}
