package io.pistonee.collection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.collection.ListQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderIndexesTest {

    @Entity
    @Table(
            name = "post",
            indexes = {
                @Index(name = "post_created_on", columnList = "created_on, id"),
                @Index(name = "post_mixed", columnList = "title DESC, id"),
                @Index(name = "post_content_slug", columnList = "content, slug DESC")
            },
            uniqueConstraints = @UniqueConstraint(columnNames = "slug"))
    static class Post {
        @Id
        Long id;

        String title;
        String slug;
        String content;

        @Column(name = "created_on")
        Object createdOn;

        @ManyToOne
        Object author;
    }

    @Entity
    static class Bare {
        @Id
        Long id;

        String name;
    }

    private static ListQuery.Order asc(String path) {
        return new ListQuery.Order(path, path, false);
    }

    private static ListQuery.Order desc(String path) {
        return new ListQuery.Order(path, path, true);
    }

    @Test
    void anIndexServesItsOrderForwardsAndBackwards() {
        assertThat(OrderIndexes.missing(Post.class, List.of(desc("createdOn"), desc("id"))))
                .isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("createdOn")))).isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("slug")))).isEmpty();
    }

    @Test
    void directionsMustAllMatchOrAllBeReversed() {
        assertThat(OrderIndexes.missing(Post.class, List.of(desc("title"), asc("id"))))
                .isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("title"), desc("id"))))
                .isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("content"), desc("slug"))))
                .isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(desc("content"), asc("slug"))))
                .isEmpty();
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("content"), asc("slug"))))
                .hasValue("content, slug, id");
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("createdOn"), desc("content"))))
                .hasValue("created_on, content DESC, id DESC");
        assertThat(OrderIndexes.missing(Post.class, List.of(desc("createdOn"), asc("content"))))
                .hasValue("created_on DESC, content, id");
    }

    @Test
    void theIdAloneIsServedByThePrimaryKey() {
        assertThat(OrderIndexes.missing(Bare.class, List.of(desc("id")))).isEmpty();
        assertThat(OrderIndexes.missing(Bare.class, List.of())).isEmpty();
    }

    @Test
    void anUnindexedOrderNamesTheIndexThatWouldServeIt() {
        assertThat(OrderIndexes.missing(Bare.class, List.of(desc("name"), desc("id"))))
                .as("in the order's own directions: H2 2.2 never reads an index backwards")
                .hasValue("name DESC, id DESC");
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("slug"), asc("title"))))
                .hasValue("slug, title, id");
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("author"), asc("title"))))
                .hasValue("author_id, title, id");
        assertThat(OrderIndexes.missing(Post.class, List.of(asc("author.username"))))
                .as("an order through a relation needs the other table")
                .hasValue("author.username");
    }
}
