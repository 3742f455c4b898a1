package io.pistonee.conditional.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.handler.internal.HandlerDescriptor;
import jakarta.persistence.Version;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final FieldSpec FULL = FieldSpec.parse("id, title, author(username)");
    private static final FieldSpec ANONYMOUS = FieldSpec.parse("id, title");
    private static final Variant JSON = new Variant(Versioned.class, FULL, null, MediaType.APPLICATION_JSON_TYPE, null);

    /** A versioned item's state needs no handler: only an unversioned one is shaped. */
    private static final HandlerDescriptor NO_HANDLER = null;

    private final EntityTags tags = new EntityTags();

    @Test
    void aTagIsTheVersionFollowedByTheVariantKey() {
        String tag = tags.of(NO_HANDLER, new Versioned(7L), URI.create("http://x/api/"), JSON);

        assertThat(tag).matches("\"7-[A-Za-z0-9_-]{8}\"").isEqualTo("\"7-" + JSON.key() + "\"");
        assertThat(Preconditions.state(tag)).isEqualTo("7");
        assertThat(Preconditions.stateMatches(tag, tags.state(NO_HANDLER, new Versioned(7L), null)))
                .isTrue();
        assertThat(Preconditions.stateMatches(tag, tags.state(NO_HANDLER, new Versioned(8L), null)))
                .isFalse();
    }

    @Test
    void aVersionThatIsNoNumberIsHashedIntoValidTagCharacters() {
        String state = tags.state(NO_HANDLER, new Stamped(Timestamp.valueOf("2026-11-27 07:00:00")), null);

        assertThat(state).matches("[A-Za-z0-9_-]{24}");
        assertThat(Preconditions.state(
                        tags.of(NO_HANDLER, new Stamped(Timestamp.valueOf("2026-11-27 07:00:00")), null, JSON)))
                .isEqualTo(state);
    }

    @Test
    void everyPartOfTheVariantChangesItsKey() {
        List<Variant> variants = List.of(
                JSON,
                new Variant(Other.class, FULL, null, MediaType.APPLICATION_JSON_TYPE, null),
                new Variant(Versioned.class, ANONYMOUS, null, MediaType.APPLICATION_JSON_TYPE, null),
                new Variant(Versioned.class, FULL, ANONYMOUS, MediaType.APPLICATION_JSON_TYPE, null),
                new Variant(Versioned.class, FULL, null, new MediaType("application", "yaml"), null),
                new Variant(Versioned.class, FULL, null, MediaType.APPLICATION_JSON_TYPE, "app.receive"),
                new Variant(
                        Versioned.class,
                        FieldSpec.of(new String[0], new String[] {"^private_"}),
                        null,
                        MediaType.APPLICATION_JSON_TYPE,
                        null),
                new Variant(Versioned.class, FieldSpec.ALL, null, MediaType.APPLICATION_JSON_TYPE, null));
        Set<String> keys = new HashSet<>();
        variants.forEach(variant -> keys.add(variant.key()));

        assertThat(keys).hasSize(variants.size()).allMatch(key -> key.matches("[A-Za-z0-9_-]{8}"));
    }

    @Test
    void theSameVariantHasTheSameKeyWhateverTheParameterOrder() {
        Variant one = new Variant(
                Versioned.class,
                FieldSpec.parse("id,title"),
                null,
                new MediaType("text", "csv", parameters("charset", "utf-8", "header", "present")),
                null);
        Variant two = new Variant(
                Versioned.class,
                FieldSpec.parse("id, title"),
                null,
                new MediaType("TEXT", "CSV", parameters("header", "present", "charset", "UTF-8")),
                null);

        assertThat(one.key()).isEqualTo(two.key());
    }

    private static Map<String, String> parameters(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static class Versioned {
        @Version
        final Long version;

        Versioned(Long version) {
            this.version = version;
        }
    }

    static class Stamped {
        @Version
        final Timestamp version;

        Stamped(Timestamp version) {
            this.version = version;
        }
    }

    static class Other {}
}
