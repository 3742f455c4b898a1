package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NounsTest {

    @ParameterizedTest
    @CsvSource({
        "posts, post",
        "categories, category",
        "entries, entry",
        "boxes, box",
        "addresses, address",
        "batches, batch",
        "wishes, wish",
        "cases, case",
        "responses, response",
        "ties, tie",
        "status, status",
        "analysis, analysis",
        "class, class",
        "blog_posts, blog post",
        "blog-categories, blog category",
        "export, export",
        "people, people",
        "s, s",
        "Posts, Post"
    })
    void makesTheLastWordOfANameSingularBySpelling(String name, String singular) {
        assertThat(Nouns.singular(name)).isEqualTo(singular);
    }

    @ParameterizedTest
    @CsvSource({
        "post, a post",
        "author, an author",
        "item, an item",
        "entry, an entry",
        "order, an order",
        "user, a user",
        "unit, a unit",
        "update, an update",
        "umbrella, an umbrella",
        "euro, a euro",
        "one-off, a one-off",
        "onion, an onion",
        "hour, an hour",
        "honest answer, an honest answer",
        "house, a house",
        "blog post, a blog post"
    })
    void choosesTheArticleByTheSoundTheSpellingSuggests(String noun, String phrase) {
        assertThat(Nouns.indefinite(noun)).isEqualTo(phrase);
    }

    @Handler("people")
    static class PeopleHandler implements ListOperation {
        @Override
        public Object list() {
            return null;
        }
    }

    @Handler(value = "people", singular = " person ")
    static class PersonHandler implements ListOperation {
        @Override
        public Object list() {
            return null;
        }
    }

    @Test
    void theDescriptorCarriesTheDeclaredSingularElseTheNameMadeSingular() {
        TypeFactory types = TypeFactory.defaultInstance();

        assertThat(HandlerDescriptor.of(PersonHandler.class, types).singular()).isEqualTo("person");
        assertThat(HandlerDescriptor.of(PeopleHandler.class, types).singular()).isEqualTo("people");
        assertThat(HandlerDescriptor.of(PeopleHandler.class, "blog_entries", types)
                        .singular())
                .isEqualTo("blog entry");
    }
}
