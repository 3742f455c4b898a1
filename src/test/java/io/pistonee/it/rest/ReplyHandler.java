package io.pistonee.it.rest;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.problem.Rc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;

/** Answers with Piston's status vocabulary, with and without content; takes a nested DTO. */
@Handler("replies")
public class ReplyHandler implements ListOperation, ReadOperation<String>, CreateOperation<ReplyHandler.Order> {

    /** A nested input record, validated the same way as a model. */
    public record Order(@NotBlank String customer, @NotEmpty List<@Valid Line> lines) {}

    public record Line(@NotBlank String product, @Min(1) int quantity) {}

    @Override
    public Object list() {
        return Rc.ACCEPTED.with(Map.of("queued", 3));
    }

    @Override
    public Object read(String id) {
        return switch (id) {
            case "gone" -> Rc.NOT_HERE;
            case "conflict" -> throw Rc.DUPLICATE_ENTRY.error("Taken.").with("existing", "/api/replies/1");
            case "empty" -> Rc.ACCEPTED;
            case "later" -> Rc.NOT_IMPLEMENTED.with("Replies by post come in 2027.");
            default -> Map.of("id", id);
        };
    }

    @Override
    public Object create(Order input) {
        return Rc.ACCEPTED.with(input);
    }
}
