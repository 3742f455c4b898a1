package io.pistonee.example.blog;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import java.util.List;

/**
 * {@code /api/posts}: blog posts, with every operation from {@link ModelHandler}; only the listing is
 * overridden, to put the newest post first.
 */
@Handler(value = "posts", fields = "id, title, content, author(username), created_on, content_length, resource_uri")
public class PostHandler extends ModelHandler<BlogPost, Long> {

    @Override
    public List<BlogPost> list() {
        return query("select p from BlogPost p order by p.createdOn desc, p.id desc", BlogPost.class);
    }

    /** The computed field {@code content_length}. */
    public int contentLength(BlogPost post) {
        return post.getContent() == null ? 0 : post.getContent().length();
    }
}
