package io.pistonee.it.rest;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.problem.Rc;

/**
 * Lineages with their parent, a lazy relation, shown nested; ordered by name, which no index of
 * {@link Lineage} serves (the deployment warns).
 */
@Handler(value = "lineages", fields = "id, name, parent(id, name)")
@Listing(
        sort = {"name", "id"},
        order = "name, id")
public class LineageHandler extends ModelHandler<Lineage, Long> {

    @Override
    public Lineage create(Lineage input) {
        if (input.parentId() != null) {
            Lineage parent = entityManager().find(Lineage.class, input.parentId());
            if (parent == null) {
                throw Rc.BAD_REQUEST.error("No lineage " + input.parentId() + ".");
            }
            input.adopt(parent);
        }
        return super.create(input);
    }
}
