package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.config.PistonConfig;
import io.pistonee.fields.internal.Shaper;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What fails a deployment, and with which message. */
class HandlerValidationTest {

    @Entity
    public static class Memo {
        @Id
        private Long id;

        private String body;

        public Long getId() {
            return id;
        }

        public String getBody() {
            return body;
        }
    }

    @Handler("memos")
    static class MemoHandler extends ModelHandler<Memo, Long> {}

    @Handler("memos")
    static class OtherMemoHandler extends ModelHandler<Memo, Long> {}

    @Handler("idle")
    static class IdleHandler {}

    @Handler(value = "typo", fields = "id, bdoy")
    static class TypoHandler extends ModelHandler<Memo, Long> {}

    @Handler(value = "computed", fields = "id, body_size, resource_uri")
    static class ComputedHandler extends ModelHandler<Memo, Long> {
        public int bodySize(Memo memo) {
            return memo.getBody().length();
        }
    }

    @Handler("raw")
    @SuppressWarnings("rawtypes")
    static class RawModelHandler extends ModelHandler {}

    @Handler(value = "memo_notes", path = "memos/{memo}/notes")
    static class MemoNotesHandler extends ModelHandler<Memo, Long> {}

    @Handler(value = "memo_remarks", path = "memos/{m}/notes")
    static class MemoRemarksHandler extends ModelHandler<Memo, Long> {}

    @Handler(value = "orphans", path = "drawers/{drawer}/memos", parent = "body")
    static class OrphanHandler extends ModelHandler<Memo, Long> {}

    @Handler(value = "keyed", key = "title")
    static class MissingKeyHandler extends ModelHandler<Memo, Long> {}

    record NotAnEntity(Long id) {}

    @Handler("records")
    static class RecordModelHandler extends ModelHandler<NotAnEntity, Long> {}

    private final Shaper shaper = new Shaper(PistonConfig.mapper("snake_case"), type -> null);

    @Test
    void twoHandlersWithOneNameFailNamingBothClasses() {
        List<String> problems = HandlerExtension.problems(List.of(MemoHandler.class, OtherMemoHandler.class));

        assertThat(problems)
                .singleElement()
                .asString()
                .contains("\"memos\"")
                .contains(MemoHandler.class.getName())
                .contains(OtherMemoHandler.class.getName());
    }

    @Test
    void handlerThatImplementsNothingFails() {
        assertThat(HandlerExtension.problems(List.of(IdleHandler.class)))
                .singleElement()
                .asString()
                .contains("implements no operation");
    }

    @Test
    void modelHandlerWithoutAnEntityFails() {
        assertThat(HandlerExtension.problems(List.of(RawModelHandler.class, RecordModelHandler.class)))
                .hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("needs a JPA entity"));
    }

    @Test
    void distinctUsableHandlersPass() {
        assertThat(HandlerExtension.problems(List.of(MemoHandler.class, ComputedHandler.class)))
                .isEmpty();
    }

    @Test
    void fieldThatIsNeitherPropertyNorComputedFailsWithTheName() {
        HandlerDescriptor typo = HandlerDescriptor.of(
                TypoHandler.class, PistonConfig.mapper("snake_case").getTypeFactory());

        assertThatThrownBy(() -> Handlers.checkFields(typo, shaper))
                .hasMessageContaining("'bdoy'")
                .hasMessageContaining(TypoHandler.class.getName());
    }

    @Test
    void propertiesComputedFieldsAndResourceUriPass() {
        HandlerDescriptor computed = HandlerDescriptor.of(
                ComputedHandler.class, PistonConfig.mapper("snake_case").getTypeFactory());

        Handlers.checkFields(computed, shaper);

        assertThat(computed.computed()).containsOnlyKeys("body_size");
    }

    @Test
    void collidingPathsFailNamingBothClasses() {
        assertThat(HandlerExtension.problems(
                        List.of(MemoHandler.class, MemoNotesHandler.class, MemoRemarksHandler.class)))
                .singleElement()
                .asString()
                .contains("Two handlers collide")
                .contains(MemoNotesHandler.class.getName())
                .contains(MemoRemarksHandler.class.getName());
    }

    @Test
    void aParentAttributeNeedsAParentInThePathAndAKeyAnAttribute() {
        assertThat(HandlerExtension.problems(List.of(MemoHandler.class, OrphanHandler.class)))
                .singleElement()
                .asString()
                .contains("no prefix of its path 'drawers/{drawer}/memos' is another handler's item path");
        assertThat(HandlerExtension.problems(List.of(MissingKeyHandler.class)))
                .singleElement()
                .asString()
                .contains("'title' is not an attribute of Memo");
    }
}
