package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Anonymous twins and roles per handler and per operation, as descriptors read them. */
class AnonymousAndAccessTest {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    @Handler(value = "notes", anonymous = PublicNoteHandler.class)
    @RolesAllowed("editor")
    static class NoteHandler
            implements ListOperation, ReadOperation<Long>, CreateOperation<String>, DeleteOperation<Long> {
        @Override
        @PermitAll
        public List<String> list() {
            return List.of();
        }

        @Override
        public String read(Long id) {
            return "note";
        }

        @Override
        @RolesAllowed({"editor", "admin"})
        public String create(String input) {
            return input;
        }

        @Override
        @DenyAll
        public void delete(Long id) {}
    }

    @Handler(fields = "id")
    static class PublicNoteHandler implements ListOperation {
        @Override
        public List<String> list() {
            return List.of();
        }
    }

    @Handler("open")
    static class OpenHandler implements ListOperation {
        @Override
        public List<String> list() {
            return List.of();
        }
    }

    @Handler(value = "broken", anonymous = OpenHandler.class)
    static class BrokenTwinHandler implements ListOperation {
        @Override
        public List<String> list() {
            return List.of();
        }
    }

    @Handler(fields = "id")
    static class OrphanHandler implements ListOperation {
        @Override
        public List<String> list() {
            return List.of();
        }
    }

    @Test
    void methodAnnotationsWinOverTheClasss() {
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);

        assertThat(notes.access(Operation.LIST)).isEqualTo(Access.OPEN);
        assertThat(notes.access(Operation.READ).roles()).isEqualTo(Set.of("editor"));
        assertThat(notes.access(Operation.CREATE).roles()).isEqualTo(Set.of("editor", "admin"));
        assertThat(notes.access(Operation.DELETE).denyAll()).isTrue();
        assertThat(notes.access(Operation.READ).requiresAuthentication()).isTrue();
        assertThat(notes.access(Operation.UPDATE)).isEqualTo(Access.OPEN);
    }

    @Test
    void noAnnotationMeansOpen() {
        assertThat(HandlerDescriptor.of(OpenHandler.class, TYPES).access(Operation.LIST))
                .isEqualTo(Access.OPEN);
    }

    @Test
    void aHandlerNamesItsTwinWhichServesUnderTheHandlersName() {
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);
        HandlerDescriptor twin = HandlerDescriptor.of(notes.anonymous(), notes.name(), TYPES);

        assertThat(notes.anonymous()).isEqualTo(PublicNoteHandler.class);
        assertThat(twin.name()).isEqualTo("notes");
        assertThat(twin.operations()).containsExactly(Operation.LIST);
        assertThat(twin.fields().names()).containsExactly("id");
    }

    @Test
    void aTwinIsValidOnlyAsSomeonesTwin() {
        assertThat(HandlerExtension.problems(List.of(NoteHandler.class, PublicNoteHandler.class)))
                .isEmpty();
        assertThat(HandlerExtension.problems(List.of(OrphanHandler.class)))
                .singleElement()
                .asString()
                .contains(OrphanHandler.class.getName(), "has no name");
        assertThat(HandlerExtension.problems(List.of(NoteHandler.class)))
                .singleElement()
                .asString()
                .contains("anonymous = " + PublicNoteHandler.class.getName(), "not another @Handler bean");
    }

    @Test
    void aNamedHandlerMayAlsoBeAnotherHandlersTwin() {
        assertThat(HandlerExtension.problems(List.of(BrokenTwinHandler.class, OpenHandler.class)))
                .isEmpty();
    }
}
