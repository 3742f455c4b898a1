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
}
