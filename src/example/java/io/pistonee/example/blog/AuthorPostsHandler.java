package io.pistonee.example.blog;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.Route;
import io.pistonee.problem.Rc;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * {@code /api/authors/{username}/posts}: one author's posts, with the fields, paging, filters and
 * sorts of {@code /api/posts}, for authenticated callers only. The author is read through
 * {@link AuthorHandler} first (an unknown username is 404), and the collection holds only that
 * author's posts ({@code parent = "author"}). A POST there by that author writes one of theirs
 * (201, {@code Location} under {@code /api/posts/{id}}, the posts' own path); anyone else gets 403.
 */
@Handler(
        value = "author_posts",
        path = "authors/{username}/posts",
        parent = "author",
        fields = "id, title, content, author(username), created_on, content_length, resource_uri",
        operations = {Operation.LIST, Operation.READ, Operation.CREATE})
@Listing(
        filter = {"author: author.username", "title", "created_on"},
        sort = {"created_on", "title", "id"},
        order = "-created_on, -id")
@RolesAllowed({"author", "admin"})
public class AuthorPostsHandler extends ModelHandler<BlogPost, Long> {

    @Inject
    Route route;

    @Inject
    SecurityContext security;

    @Inject
    PostHandler posts;

    @Override
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Write a post as this author")
    public BlogPost create(BlogPost input) {
        Author author = route.parent(Author.class);
        String caller = security.getCallerPrincipal().getName();
        if (!author.getUsername().equals(caller)) {
            throw Rc.FORBIDDEN.error(
                    "Only " + author.getUsername() + " may write posts as " + author.getUsername() + ".");
        }
        return super.create(input);
    }

    /** The computed field {@code content_length}, as {@code /api/posts} has it. */
    public int contentLength(BlogPost post) {
        return posts.contentLength(post);
    }
}
