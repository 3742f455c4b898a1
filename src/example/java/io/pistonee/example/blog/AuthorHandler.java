package io.pistonee.example.blog;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /api/authors}: the blog's authors, each at {@code /api/authors/{username}} (a natural key, not
 * the id), for authenticated callers only: anonymous callers get 401 with the challenges. Read-only,
 * since accounts are not made over the API. An author's posts are at
 * {@code /api/authors/{username}/posts} ({@link AuthorPostsHandler}).
 */
@Handler(
        value = "authors",
        key = "username",
        fields = "username, resource_uri",
        operations = {Operation.LIST, Operation.READ})
@Listing(sort = "username", order = "username")
@RolesAllowed({"author", "admin"})
public class AuthorHandler extends ModelHandler<Author, String> {}
