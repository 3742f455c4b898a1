package io.pistonee.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a handler in to bulk update and delete on its collection, all or nothing:
 *
 * <pre>{@code
 * @Handler("posts")
 * @Bulk
 * @Listing(filter = {"id", "author: author.username"})
 * public class PostHandler extends ModelHandler<BlogPost, Long> { ... }
 * }</pre>
 *
 * <ul>
 *   <li>{@code PATCH /api/posts} with an array of merge patches, each carrying its item's {@code id}
 *       (and optionally its {@code version}): a handler that reads and updates
 *       ({@link Operation#BULK_PATCH});</li>
 *   <li>{@code DELETE /api/posts?id__in=3,4}: every item the filters of its {@code @Listing} select,
 *       a filter required: a handler that lists and deletes ({@link Operation#BULK_DELETE}).</li>
 * </ul>
 *
 * Each item goes through the handler's own {@code read}, {@code update} and {@code delete}, between
 * its lifecycle events, in one transaction; if any item fails, nothing changes and the problem lists
 * every failure. At most {@code piston.bulk.max-items} items (1,000) per request. Without this
 * annotation a PATCH or DELETE of the collection is 405.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Bulk {}
