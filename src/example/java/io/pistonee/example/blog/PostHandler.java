package io.pistonee.example.blog;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Bulk;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.Throttle;
import io.pistonee.problem.Rc;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;

/**
 * {@code /api/posts}: blog posts, with every operation from {@link ModelHandler}. Unauthenticated
 * callers get {@link AnonymousPostHandler} (list and read, fewer fields). Authors create posts
 * (the caller becomes the author) and change or delete only their own; an admin may change any. The
 * collection is paged, newest first, and may be filtered by author, title and creation time and
 * sorted by creation time, title or id. Updates (PUT and PATCH) are throttled per user: 20 a minute.
 * Bulk update ({@code PATCH /api/posts} with an array of patches) and delete
 * ({@code DELETE /api/posts?id__in=3,4}) apply the same rules to each item, all or nothing; each
 * updated item counts against the update throttle.
 */
@Handler(
        value = "posts",
        anonymous = AnonymousPostHandler.class,
        fields = "id, title, content, author(username), created_on, content_length, resource_uri")
@Bulk
@Listing(
        filter = {"author: author.username", "title", "created_on", "id"},
        sort = {"created_on", "title", "id"},
        order = "-created_on, -id")
@Throttle(requests = 20, per = 60, scope = "post_updates", operations = Operation.UPDATE)
public class PostHandler extends ModelHandler<BlogPost, Long> {

    @Inject
    SecurityContext security;

    @Inject
    BlogAccounts accounts;

    /**
     * For role checks: Payara's {@code SecurityContext.isCallerInRole} looks for an EJB context first
     * and, the first time after a boot, logs a WARNING with a stack trace; the request asks the same.
     */
    @Inject
    HttpServletRequest request;

    @Override
    @RolesAllowed({"author", "admin"})
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Write a post; the caller becomes its author")
    public BlogPost create(BlogPost input) {
        input.setAuthor(accounts.writer(security.getCallerPrincipal().getName()));
        return super.create(input);
    }

    @Override
    @RolesAllowed({"author", "admin"})
    public BlogPost update(Long id, BlogPost input) {
        requireOwnerOrAdmin(id);
        return super.update(id, input);
    }

    @Override
    @RolesAllowed({"author", "admin"})
    public void delete(Long id) {
        requireOwnerOrAdmin(id);
        super.delete(id);
    }

    /**
     * Every post in id order, read from the database in batches as it is consumed: the unpaged export
     * {@link ExportHandler} serves. Close the stream when done (the framework does).
     */
    public Stream<BlogPost> export() {
        return stream();
    }

    /** The computed field {@code content_length}. */
    public int contentLength(BlogPost post) {
        return post.getContent() == null ? 0 : post.getContent().length();
    }

    /** Only a post's author, or an admin, may change it; a missing post is the operation's own 404. */
    private void requireOwnerOrAdmin(Long id) {
        BlogPost post = entityManager().find(BlogPost.class, id);
        if (post == null || request.isUserInRole("admin")) {
            return;
        }
        String name = security.getCallerPrincipal().getName();
        if (post.getAuthor() == null || !post.getAuthor().getUsername().equals(name)) {
            throw Rc.FORBIDDEN.error("Only the author of post " + id + " or an admin may change it.");
        }
    }
}
