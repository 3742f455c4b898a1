package io.pistonee.example.blog;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * {@code /api/authors}: the blog's authors, each at {@code /api/authors/{username}} (a natural key, not
 * the id), for authenticated callers only: anonymous callers get 401 with the challenges. Read-only,
 * since accounts are not made over the API. Only accounts with the role {@code author} are authors (its
 * {@link #scope}): {@code /api/authors/admin} is 404 like any other name that is not an author's. An
 * author's posts are at {@code /api/authors/{username}/posts} ({@link AuthorPostsHandler}).
 */
@Handler(
        value = "authors",
        key = "username",
        fields = "username, resource_uri",
        operations = {Operation.LIST, Operation.READ})
@Listing(sort = "username", order = "username")
@RolesAllowed({"author", "admin"})
public class AuthorHandler extends ModelHandler<Author, String> {

    /** Accounts whose space-separated roles include {@code author}. */
    @Override
    protected Predicate scope(CriteriaBuilder builder, Root<Author> root) {
        return builder.like(builder.concat(builder.concat(" ", root.get("roles")), " "), "% author %");
    }
}
