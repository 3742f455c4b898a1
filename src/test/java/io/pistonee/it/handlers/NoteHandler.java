package io.pistonee.it.handlers;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Notes that point at each other (a cycle), shaped by a regex exclude, list fields and a sensitive
 * property; the listing is a stream.
 */
@Handler(value = "notes", exclude = "^private_", listFields = "id, title, resource_uri")
public class NoteHandler implements ListOperation, ReadOperation<Integer> {

    /** Must never reach a client. */
    public static final String TOKEN = "tok-3f9a1c";

    private final List<Note> notes = notes();

    @Override
    public Stream<Note> list() {
        return notes.stream();
    }

    @Override
    public Optional<Note> read(Integer id) {
        return notes.stream().filter(note -> note.getId() == id).findFirst();
    }

    private static List<Note> notes() {
        Note first = new Note(1, "First", "only for me", List.of("a", "b"), TOKEN);
        Note second = new Note(2, "Second", "me too", List.of(), TOKEN);
        first.setRelated(second);
        second.setRelated(first);
        return List.of(first, second);
    }
}
