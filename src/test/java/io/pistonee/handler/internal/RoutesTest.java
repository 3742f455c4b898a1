package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    @Handler(value = "authors", key = "username")
    static class AuthorHandler implements ListOperation, ReadOperation<String> {
        @Override
        public Object list() {
            return List.of();
        }

        @Override
        public Object read(String username) {
            return username;
        }
    }

    @Handler(value = "author_posts", path = "authors/{username}/posts")
    static class AuthorPostsHandler implements ListOperation, ReadOperation<Long> {
        @Override
        public Object list() {
            return List.of();
        }

        @Override
        public Object read(Long id) {
            return id;
        }
    }

    @Handler(value = "me", path = "authors/me/posts")
    static class MyPostsHandler implements ListOperation {
        @Override
        public Object list() {
            return List.of();
        }
    }

    @Handler(value = "writer_posts", path = "authors/{name}/posts")
    static class CollidingHandler implements ListOperation {
        @Override
        public Object list() {
            return List.of();
        }
    }

    @Handler(value = "even", path = "authors/{username}/posts/{year}/x/y")
    static class TwoLiteralsHandler implements ListOperation {
        @Override
        public Object list() {
            return List.of();
        }
    }

    private static HandlerDescriptor of(Class<?> type) {
        return HandlerDescriptor.of(type, TYPES);
    }

    private final Routes routes =
            Routes.of(List.of(of(AuthorHandler.class), of(AuthorPostsHandler.class), of(MyPostsHandler.class)));

    @Test
    void routesPlainPathsAsBefore() {
        Routes.Routed collection = routes.require(List.of("authors"));
        Routes.Routed item = routes.require(List.of("authors", "testuser"));

        assertThat(collection.handler().name()).isEqualTo("authors");
        assertThat(collection.target()).isEqualTo(Operation.Target.COLLECTION);
        assertThat(item.target()).isEqualTo(Operation.Target.ITEM);
        assertThat(item.id()).isEqualTo("testuser");
        assertThat(item.templateValues()).isEmpty();
    }

    @Test
    void routesTemplatedPathsWithTheirValuesAndParent() {
        Routes.Routed collection = routes.require(List.of("authors", "testuser", "posts"));
        Routes.Routed item = routes.require(List.of("authors", "testuser", "posts", "7"));

        assertThat(collection.handler().name()).isEqualTo("author_posts");
        assertThat(collection.templateValues()).containsExactly(java.util.Map.entry("username", "testuser"));
        assertThat(collection.owners().get("username").name()).isEqualTo("authors");
        assertThat(item.handler().name()).isEqualTo("author_posts");
        assertThat(item.id()).isEqualTo("7");
        assertThat(item.templateValues()).containsOnlyKeys("username");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertThat(routes.require(List.of("authors", "me", "posts")).handler().name())
                .isEqualTo("me");
        assertThat(routes.require(List.of("authors", "you", "posts")).handler().name())
                .isEqualTo("author_posts");
    }

    @Test
    void anUnknownPathIs404() {
        assertThatThrownBy(() -> routes.require(List.of("nothing")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("no resource named 'nothing'");
        assertThatThrownBy(() -> routes.require(List.of("authors", "testuser", "drafts")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void collidingTemplatesFailNamingBothHandlers() {
        assertThatThrownBy(() -> Routes.of(List.of(of(AuthorPostsHandler.class), of(CollidingHandler.class))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AuthorPostsHandler.class.getName())
                .hasMessageContaining(CollidingHandler.class.getName());
    }

    @Test
    void aTemplateHasAnOddNumberOfSegments() {
        assertThatThrownBy(() -> of(TwoLiteralsHandler.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have an odd number of segments");
    }

    @Test
    void itemPathsUseTheKeyAndTemplatedHandlersHaveNone() {
        assertThat(of(AuthorHandler.class).pathOf("test user")).isEqualTo("authors/test%20user");
        assertThat(of(AuthorPostsHandler.class).pathOf(7L)).isNull();
    }
}
