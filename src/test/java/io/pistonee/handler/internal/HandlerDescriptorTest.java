package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandlerDescriptorTest {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    @Entity
    public static class Note {
        @Id
        private Long id;

        private String text;

        public Long getId() {
            return id;
        }

        public String getText() {
            return text;
        }
    }

    @Handler(value = "notes", fields = "id, text, text_length, resource_uri", listFields = "id")
    static class NoteHandler extends ModelHandler<Note, Long> {
        public int textLength(Note note) {
            return note.getText().length();
        }
    }

    @Handler("stats")
    static class StatsHandler implements ListOperation {
        @Override
        public Map<String, Object> list() {
            return Map.of();
        }
    }

    @Handler("things")
    static class ThingHandler
            implements ReadOperation<UUID>, CreateOperation<Map<String, Object>>, DeleteOperation<UUID> {
        @Override
        public Object read(UUID id) {
            return id;
        }

        @Override
        public Object create(Map<String, Object> input) {
            return input;
        }

        @Override
        public void delete(UUID id) {}
    }

    @Handler("raw")
    @SuppressWarnings("rawtypes")
    static class RawHandler implements ReadOperation {
        @Override
        public Object read(Object id) {
            return id;
        }
    }

    @Handler("idle")
    static class IdleHandler {}

    @Handler("bad/name")
    static class BadNameHandler implements ListOperation {
        @Override
        public Object list() {
            return List.of();
        }
    }

    @Handler("streamed")
    static class StreamedNoteHandler implements ListOperation, ReadOperation<Long> {
        @Override
        public java.util.stream.Stream<Note> list() {
            return java.util.stream.Stream.of();
        }

        @Override
        public Note read(Long id) {
            return null;
        }
    }

    @Handler("optional")
    static class OptionalHandler implements ReadOperation<Long>, ListOperation {
        @Override
        public java.util.Optional<Note> read(Long id) {
            return java.util.Optional.empty();
        }

        @Override
        public Iterable<Note> list() {
            return List.of();
        }
    }

    @Test
    void readsWhoseDeclaredResultMayBeReadAsItIsWrittenStream() {
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);
        assertThat(notes.streams(Operation.LIST)).as("List<T>").isFalse();
        assertThat(notes.streams(Operation.READ)).as("T, the entity").isFalse();

        HandlerDescriptor streamed = HandlerDescriptor.of(StreamedNoteHandler.class, TYPES);
        assertThat(streamed.streams(Operation.LIST)).as("Stream<T>").isTrue();
        assertThat(streamed.streams(Operation.READ)).isFalse();

        HandlerDescriptor optional = HandlerDescriptor.of(OptionalHandler.class, TYPES);
        assertThat(optional.streams(Operation.READ)).as("Optional<entity>").isFalse();
        assertThat(optional.streams(Operation.LIST))
                .as("an Iterable that is no collection")
                .isTrue();

        assertThat(HandlerDescriptor.of(ThingHandler.class, TYPES).streams(Operation.READ))
                .as("Object")
                .isTrue();
        assertThat(HandlerDescriptor.of(StatsHandler.class, TYPES).streams(Operation.LIST))
                .as("Map")
                .isFalse();
        assertThat(HandlerReader.mayStream(TYPES.constructType(io.pistonee.problem.Reply.class)))
                .isTrue();
        assertThat(HandlerReader.mayStream(TYPES.constructType(java.util.Iterator.class)))
                .isTrue();
        assertThat(HandlerReader.mayStream(TYPES.constructType(int[].class))).isFalse();
    }

    @Test
    void modelHandlerProvidesEveryOperationWithTypesFromItsModel() {
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);

        assertThat(notes.name()).isEqualTo("notes");
        assertThat(notes.operations())
                .containsExactlyInAnyOrder(
                        Operation.LIST,
                        Operation.CREATE,
                        Operation.READ,
                        Operation.UPDATE,
                        Operation.PATCH,
                        Operation.DELETE);
        assertThat(notes.model()).isEqualTo(Note.class);
        assertThat(notes.idType().getRawClass()).isEqualTo(Long.class);
        assertThat(notes.createInput().getRawClass()).isEqualTo(Note.class);
        assertThat(notes.updateInput().getRawClass()).isEqualTo(Note.class);
        assertThat(notes.isModelHandler()).isTrue();
        assertThat(notes.allow(Operation.Target.ITEM))
                .containsExactly("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS");
    }

    @Test
    void readsFieldSpecsAndFindsComputedFields() {
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);

        assertThat(notes.fields().names()).containsExactly("id", "text", "text_length", "resource_uri");
        assertThat(notes.listFields().names()).containsExactly("id");
        assertThat(notes.computed()).containsOnlyKeys("text_length");
        assertThat(notes.computed().get("text_length").getName()).isEqualTo("textLength");
    }

    @Test
    void handlerWithoutModelProvidesOnlyWhatItImplements() {
        HandlerDescriptor stats = HandlerDescriptor.of(StatsHandler.class, TYPES);

        assertThat(stats.operations()).containsExactly(Operation.LIST);
        assertThat(stats.model()).isNull();
        assertThat(stats.idType()).isNull();
        assertThat(stats.allow(Operation.Target.COLLECTION)).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(stats.allow(Operation.Target.ITEM)).containsExactly("OPTIONS");
    }

    @Test
    void resolvesIdAndInputTypesFromTheInterfaces() {
        HandlerDescriptor things = HandlerDescriptor.of(ThingHandler.class, TYPES);

        assertThat(things.idType().getRawClass()).isEqualTo(UUID.class);
        assertThat(things.createInput().getRawClass()).isEqualTo(Map.class);
        assertThat(things.updateInput()).isNull();
        assertThat(things.allow(Operation.Target.COLLECTION)).containsExactly("POST", "OPTIONS");
        assertThat(things.allow(Operation.Target.ITEM)).containsExactly("GET", "HEAD", "DELETE", "OPTIONS");
    }

    @Test
    void rawImplementationsTakeIdsAsStrings() {
        assertThat(HandlerDescriptor.of(RawHandler.class, TYPES).idType().getRawClass())
                .isEqualTo(String.class);
    }

    @Test
    void rejectsAHandlerThatImplementsNothing() {
        assertThatThrownBy(() -> HandlerDescriptor.of(IdleHandler.class, TYPES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("implements no operation");
    }

    @Test
    void rejectsANameThatIsNotAUrlSegment() {
        assertThatThrownBy(() -> HandlerDescriptor.of(BadNameHandler.class, TYPES))
                .hasMessageContaining("letters, digits");
    }

    @Test
    void mapsHttpMethodsToOperations() {
        assertThat(Operation.of("GET", Operation.Target.COLLECTION)).isEqualTo(Operation.LIST);
        assertThat(Operation.of("HEAD", Operation.Target.ITEM)).isEqualTo(Operation.READ);
        assertThat(Operation.of("POST", Operation.Target.ITEM)).isNull();
        assertThat(Operation.of("PATCH", Operation.Target.ITEM)).isEqualTo(Operation.PATCH);
        assertThat(Operation.of("PATCH", Operation.Target.COLLECTION)).isEqualTo(Operation.BULK_PATCH);
        assertThat(Operation.of("DELETE", Operation.Target.COLLECTION)).isEqualTo(Operation.BULK_DELETE);
        assertThat(Operation.of("PUT", Operation.Target.COLLECTION)).isNull();
    }

    @Test
    void aHandlerAnnotatedBulkPatchesAndDeletesItsCollectionAndOthersDoNot() {
        HandlerDescriptor bulk = HandlerDescriptor.of(BulkNoteHandler.class, TYPES);
        HandlerDescriptor notes = HandlerDescriptor.of(NoteHandler.class, TYPES);

        assertThat(bulk.operations()).containsExactlyInAnyOrder(Operation.values());
        assertThat(bulk.allow(Operation.Target.COLLECTION))
                .containsExactly("GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS");
        assertThat(notes.allow(Operation.Target.COLLECTION)).containsExactly("GET", "HEAD", "POST", "OPTIONS");
    }

    @io.pistonee.handler.Handler("bulk_notes")
    @io.pistonee.handler.Bulk
    static class BulkNoteHandler extends NoteHandler {}

    @Test
    void camelCasesFieldNames() {
        assertThat(HandlerReader.camelCase("content_length")).isEqualTo("contentLength");
        assertThat(HandlerReader.camelCase("kebab-name")).isEqualTo("kebabName");
        assertThat(HandlerReader.camelCase("plain")).isEqualTo("plain");
    }
}
