package io.pistonee.it.scoped;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import java.util.stream.Stream;

/** {@code /api/memos}: each caller's own memos, and nobody else's; the defaults do the rest. */
@Handler(value = "memos", fields = "id, text, resource_uri")
@RolesAllowed("author")
public class MemoHandler extends ModelHandler<Memo, Long> {

    @Inject
    SecurityContext security;

    @Override
    protected Predicate scope(CriteriaBuilder builder, Root<Memo> root) {
        return builder.equal(root.get("owner"), security.getCallerPrincipal().getName());
    }

    @Override
    public Memo create(Memo input) {
        input.setOwner(security.getCallerPrincipal().getName());
        return super.create(input);
    }

    /** Every memo of the caller, unpaged, streamed from the database: what {@link MemoStream} serves. */
    public Stream<Memo> everything() {
        return stream();
    }
}
