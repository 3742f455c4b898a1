package io.pistonee.example.blog;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /api/drafts}: posts not yet published, whose rows are scoped to the caller. An author sees,
 * changes and deletes only their own drafts; an admin sees all of them; another author's draft is 404,
 * exactly like a missing one, and never appears in a list, a count or a page. Authors and admins only
 * (anonymous callers get 401). A new draft's author is the caller. The draft's author is not shown, so
 * it cannot be filtered or sorted by either.
 */
@Handler(value = "drafts", fields = "id, title, content, created_on, version, resource_uri")
@Listing(
        filter = {"title", "created_on"},
        sort = {"created_on", "title", "id"},
        order = "-created_on, -id")
@RolesAllowed({"author", "admin"})
public class DraftHandler extends ModelHandler<Draft, Long> {

    @Inject
    SecurityContext security;

    @Inject
    BlogAccounts accounts;

    /** For role checks, as in {@link PostHandler}. */
    @Inject
    HttpServletRequest request;

    /** An admin's scope is every draft; an author's, their own. */
    @Override
    protected Predicate scope(CriteriaBuilder builder, Root<Draft> root) {
        if (request.isUserInRole("admin")) {
            return null;
        }
        return builder.equal(root.get("author").get("username"), callerName());
    }

    @Override
    public Draft create(Draft input) {
        input.setAuthor(accounts.writer(callerName()));
        return super.create(input);
    }

    private String callerName() {
        return security.getCallerPrincipal().getName();
    }
}
