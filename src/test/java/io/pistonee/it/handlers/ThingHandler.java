package io.pistonee.it.handlers;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Records, no model: list, read (Optional) and create; no update or delete. */
@Handler(value = "things", listFields = "id, name")
public class ThingHandler implements ListOperation, ReadOperation<Integer>, CreateOperation<Thing> {

    static final List<Thing> THINGS = List.of(
            new Thing(1, "anvil", 3, LocalDate.of(2026, 1, 15)), new Thing(2, "rope", 0, LocalDate.of(2026, 2, 1)));

    @Override
    public List<Thing> list() {
        return THINGS;
    }

    @Override
    @Parameter(name = "If-None-Match", hidden = true)
    @Parameter(name = "fields", in = ParameterIn.QUERY, description = "Any of id, name, stock, added_on.")
    public Optional<Thing> read(Integer id) {
        return THINGS.stream().filter(thing -> thing.id() == id).findFirst();
    }

    @Override
    public Thing create(Thing input) {
        return new Thing(THINGS.size() + 1, input.name(), input.stock(), input.addedOn());
    }
}
