package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.problem.Rc;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathDocsTest {

    @Handler("blog-posts")
    static class PostsHandler implements ListOperation, ReadOperation<Long> {
        @Override
        public List<String> list() {
            return List.of();
        }

        @Override
        @org.eclipse.microprofile.openapi.annotations.Operation(summary = "One post")
        public String read(Long id) {
            return "";
        }
    }

    private final HandlerDescriptor handler = HandlerDescriptor.of(PostsHandler.class, TypeFactory.defaultInstance());

    @Test
    void operationIdsAreTheOperationAndTheResourceNameInCamelCase() {
        assertThat(PathDocs.operationId(handler, Operation.LIST)).isEqualTo("listBlogPosts");
        assertThat(PathDocs.operationId(handler, Operation.READ)).isEqualTo("readBlogPosts");
        assertThat(PathDocs.operationId(handler, Operation.DELETE)).isEqualTo("deleteBlogPosts");
    }

    @Handler(value = "authors", singular = "writer")
    static class AuthorsHandler implements ListOperation {
        @Override
        public List<String> list() {
            return List.of();
        }
    }

    @Test
    void summariesReadAsEnglishWithTheSingularAndItsArticle() {
        assertThat(PathDocs.summary(handler, Operation.LIST)).isEqualTo("List blog posts");
        assertThat(PathDocs.summary(handler, Operation.READ)).isEqualTo("Read a blog post");
        assertThat(PathDocs.summary(handler, Operation.CREATE)).isEqualTo("Create a blog post");
        assertThat(PathDocs.summary(handler, Operation.UPDATE)).isEqualTo("Replace a blog post");
        assertThat(PathDocs.summary(handler, Operation.PATCH)).isEqualTo("Update a blog post");
        assertThat(PathDocs.summary(handler, Operation.DELETE)).isEqualTo("Delete a blog post");
        assertThat(PathDocs.summary(handler, Operation.BULK_PATCH)).isEqualTo("Update blog posts");
        assertThat(PathDocs.summary(handler, Operation.BULK_DELETE)).isEqualTo("Delete blog posts");
        HandlerDescriptor authors = HandlerDescriptor.of(AuthorsHandler.class, TypeFactory.defaultInstance());
        assertThat(PathDocs.summary(authors, Operation.READ)).isEqualTo("Read a writer");
        assertThat(PathDocs.summary(
                        HandlerDescriptor.of(NotesHandler.class, "items", TypeFactory.defaultInstance()),
                        Operation.CREATE))
                .isEqualTo("Create an item");
    }

    @Test
    void bulkOperationsAreNamedAfterTheirItemsOperationWithBulk() {
        assertThat(PathDocs.operationId(handler, Operation.BULK_PATCH)).isEqualTo("patchBlogPostsBulk");
        assertThat(PathDocs.operationId(handler, Operation.BULK_DELETE)).isEqualTo("deleteBlogPostsBulk");
        assertThat(PathDocs.operationId(handler, Operation.PATCH)).isEqualTo("patchBlogPosts");
    }

    @Test
    void errorsAreWhatThePipelineCanAnswerForEachOperation() {
        assertThat(PathDocs.errors(Operation.LIST, false))
                .containsExactly(Rc.BAD_REQUEST, Rc.UNAUTHORIZED, Rc.NOT_ACCEPTABLE, Rc.INTERNAL_ERROR);
        assertThat(PathDocs.errors(Operation.UPDATE, true))
                .containsExactly(
                        Rc.BAD_REQUEST,
                        Rc.UNAUTHORIZED,
                        Rc.FORBIDDEN,
                        Rc.NOT_FOUND,
                        Rc.NOT_ACCEPTABLE,
                        Rc.PAYLOAD_TOO_LARGE,
                        Rc.UNSUPPORTED_MEDIA_TYPE,
                        Rc.INTERNAL_ERROR);
        assertThat(PathDocs.errors(Operation.DELETE, true))
                .containsExactly(Rc.UNAUTHORIZED, Rc.FORBIDDEN, Rc.NOT_FOUND, Rc.NOT_ACCEPTABLE, Rc.INTERNAL_ERROR);
    }

    @Test
    void readsUserAnnotationsFromTheMethodThatImplementsTheOperation() {
        var read = PathDocs.method(handler, Operation.READ);

        assertThat(read.getDeclaringClass()).isEqualTo(PostsHandler.class);
        assertThat(read.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class)
                        .summary())
                .isEqualTo("One post");
        assertThat(PathDocs.method(handler, Operation.CREATE)).isNull();
    }

    @Handler("notes")
    static class NotesHandler implements CreateOperation<Note> {
        @Override
        public Note create(Note input) {
            return input;
        }
    }

    record Note(String text) {}

    @Handler("documents")
    static class DocumentsHandler implements CreateOperation<JsonNode> {
        @Override
        public JsonNode create(JsonNode input) {
            return input;
        }
    }

    @Test
    void anArrayIsABulkCreateUnlessTheInputTakesArraysItself() {
        assertThat(PathDocs.bulk(HandlerDescriptor.of(NotesHandler.class, TypeFactory.defaultInstance())))
                .isTrue();
        assertThat(PathDocs.bulk(HandlerDescriptor.of(DocumentsHandler.class, TypeFactory.defaultInstance())))
                .isFalse();
        assertThat(PathDocs.bulk(handler)).isFalse();
    }
}
