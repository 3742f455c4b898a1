package io.pistonee.collection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What clients may filter and sort a model handler's collection by, and its default order.
 *
 * <pre>{@code
 * @Handler("posts")
 * @Listing(filter = {"author: author.username", "title", "created_on"},
 *          sort = {"created_on", "title", "id"},
 *          order = "-created_on")
 * public class PostHandler extends ModelHandler<BlogPost, Long> {}
 * }</pre>
 *
 * Entries are field names as clients write them ({@code created_on}); {@code name: path} filters or
 * sorts on another attribute path of the model ({@code author.username}: the author's username,
 * through the relation). Only listed fields may be used: anything else answers 400 with the list.
 * Without {@code @Listing}, a model handler's collection can be paged but not filtered or sorted, and
 * is ordered by id. The entity should declare an index for the default order
 * ({@code @Table(indexes = @Index(columnList = "created_on, id"))}); the deployment warns when none
 * serves it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Listing {

    /** The fields clients may filter by, with Django-style lookups ({@code ?title__icontains=java}). */
    String[] filter() default {};

    /** The fields clients may sort by ({@code ?sort=-created_on,title}). */
    String[] sort() default {};

    /** The default order, in the {@code ?sort=} syntax; it may use any field of {@link #sort()}. */
    String order() default "";
}
