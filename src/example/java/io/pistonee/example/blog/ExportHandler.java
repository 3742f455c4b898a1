package io.pistonee.example.blog;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.stream.Stream;

/**
 * {@code /api/export}: every post, unpaged, in id order, for backups and bulk exports
 * ({@code /api/export?format=csv}). The posts are read from the database, in batches by id, while the
 * response is written and each is let go once written, so the export takes the same little memory
 * for ten rows or ten million, in every format. Each post has the fields an authenticated caller of
 * {@code /api/posts} sees.
 *
 * <p>Admins only: an export reads the whole table, so it is not for everyone. Without credentials the
 * answer is 401, for an author 403. Collection parameters ({@code ?limit=}, filters, {@code ?sort=})
 * do not apply; {@code ?fields=} narrows as everywhere.
 */
@Handler(value = "export", fields = "id, title, content, author(username), created_on, content_length, resource_uri")
@RolesAllowed("admin")
public class ExportHandler implements ListOperation {

    @Inject
    PostHandler posts;

    @Override
    public Stream<BlogPost> list() {
        return posts.export();
    }
}
