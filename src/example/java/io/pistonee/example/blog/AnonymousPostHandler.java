package io.pistonee.example.blog;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What unauthenticated callers of {@code /api/posts} get: the same posts, read-only, without the
 * author or the computed length. Any write answers 401 with the authentication challenges.
 */
@Handler(fields = "id, title, content, created_on, resource_uri")
public class AnonymousPostHandler implements ListOperation, ReadOperation<Long> {

    @Inject
    PostHandler posts;

    @Override
    public List<BlogPost> list() {
        return posts.list();
    }

    @Override
    public BlogPost read(Long id) {
        return posts.read(id);
    }
}
