package io.pistonee.handler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean as the handler of the resource named {@link #value()}.
 *
 * <pre>{@code
 * @Handler(value = "posts", fields = {"id", "title", "author(username)", "content_length", "resource_uri"})
 * public class PostHandler extends ModelHandler<BlogPost, Long> {
 *     public int contentLength(BlogPost post) { return post.getContent().length(); }
 * }
 * }</pre>
 *
 * The name is the URL segment: the handler above answers {@code /api/posts} and
 * {@code /api/posts/{id}}. What it can do is what it implements (see the {@code *Operation}
 * interfaces); anything else answers 405 with {@code Allow}.
 *
 * <p>{@code @Handler} is a stereotype that makes the class an {@code @ApplicationScoped} bean, so no
 * other annotation is needed; declare another scope on the class to override it (the framework keeps
 * one reference per handler, so a {@code @Dependent} handler is created once). Handlers are
 * discovered at deployment: there is no registration code. Two handlers with one name or colliding
 * {@link #path() paths}, a name that is not a URL segment, a handler that implements no operation, or a field spec naming something its
 * model lacks, fail the deployment with a message naming the class.
 *
 * <h2>Field specs</h2>
 * {@link #fields()}, {@link #listFields()} and {@link #exclude()} say what is emitted:
 * <ul>
 *   <li>{@code fields}: the properties emitted, in order. An entry may nest:
 *       {@code "author(username, first_name)"}; {@code "author()"} emits the nested object with its
 *       own default fields. A name that is not a property of the model is a <em>computed field</em>:
 *       a public method of the handler taking the instance, named like the field or in camel case
 *       ({@code content_length} calls {@code contentLength(post)}). {@code resource_uri} is the
 *       item's URL. Empty (the default): every property of the model, with related entities as
 *       their ids.</li>
 *   <li>{@code listFields}: the same for collections; empty means {@code fields}.</li>
 *   <li>{@code exclude}: names removed from the default field set. A plain name is removed
 *       exactly; anything else is a regular expression found in the name ({@code "^private_"}).
 *       An explicit {@code fields} list is never trimmed by {@code exclude}.</li>
 * </ul>
 * An entry may hold several comma-separated fields: {@code fields = "id, title, author(username)"}.
 *
 * <h2>Anonymous handlers and roles</h2>
 * {@link #anonymous()} names the handler that serves callers who are not authenticated, with its own
 * operations and fields (Piston's anonymous handler). Such a twin is a {@code @Handler} without a
 * name (it is only reachable through the handler that names it):
 * <pre>{@code
 * @Handler(value = "posts", anonymous = AnonymousPostHandler.class, fields = "id, title, author(username)")
 * public class PostHandler extends ModelHandler<BlogPost, Long> { ... }
 *
 * @Handler(fields = "id, title, resource_uri")
 * public class AnonymousPostHandler implements ListOperation, ReadOperation<Long> { ... }
 * }</pre>
 * An anonymous caller asking for an operation the twin does not provide (but the handler does) gets
 * 401 with the authentication challenges, not 405. Roles per handler and per operation come from
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} (see {@code Access}).
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Handler {

    /**
     * The resource name: the URL segment under {@code /api}. Empty only for an anonymous twin, which
     * is reachable through the handler that names it.
     */
    String value() default "";

    /** The handler that serves unauthenticated callers; {@code void.class} (the default) for none. */
    Class<?> anonymous() default void.class;

    /** The fields emitted for one item; empty means every property of the model. */
    String[] fields() default {};

    /** The fields emitted for each item of a collection; empty means {@link #fields()}. */
    String[] listFields() default {};

    /** Names or patterns removed from the default field set. */
    String[] exclude() default {};

    /**
     * The Django model label ({@code app_label.model_name}) items carry in the {@code django} format.
     * Empty (the default): derived from the entity, its package's last segment and its simple name in
     * lower case ({@code io.pistonee.example.blog.BlogPost} is {@code blog.blogpost}); for a handler
     * with no model, from the handler's package and the resource name.
     */
    String djangoModel() default "";

    /**
     * What one item of the resource is called, for the OpenAPI document's summaries ("Read a post",
     * "Create an author"): {@code @Handler(value = "people", singular = "person")}. Empty (the
     * default): the name made singular by a few English spelling rules ({@code posts} is
     * {@code post}, {@code categories} {@code category}, {@code boxes} {@code box}, {@code blog_posts}
     * {@code blog post}); a name they do not fit, such as {@code people}, is left as it is. The article
     * ("a" or "an") is chosen from the word's spelling.
     */
    String singular() default "";

    /**
     * Where the handler is mounted under {@code /api}: a URI template of literal segments and named
     * parameters, its items one segment further. Empty (the default): the name.
     * <pre>{@code
     * @Handler(value = "author_posts", path = "authors/{username}/posts", parent = "author")
     * }</pre>
     * answers {@code /api/authors/testuser/posts} and {@code /api/authors/testuser/posts/{id}}. A
     * template starts and ends with a literal segment and has an odd number of segments (a collection,
     * with an item one segment further, under each parent item). Where a prefix of it is another handler's item
     * path ({@code authors/{username}} of {@code @Handler(value = "authors", key = "username")}), that
     * handler is the parent: the value is converted to the parent's id type and the parent item read
     * through the parent's handler before this one runs (404 when it does not exist). The values and the
     * parent reach the handler through {@link Route}. Two handlers whose paths collide fail the
     * deployment. The name stays the handler's id: metrics, problems and the OpenAPI document's tags and
     * operation ids use it.
     */
    String path() default "";

    /**
     * The attribute a {@link ModelHandler} looks its items up by instead of the id (a natural key):
     * {@code @Handler(value = "authors", key = "username")} reads, updates and deletes
     * {@code /api/authors/testuser} by {@code username}, and its items' {@code resource_uri} uses it.
     * The handler's id type parameter is then the key's type ({@code ModelHandler<Author, String>}).
     * Empty (the default): the id.
     */
    String key() default "";

    /**
     * For a {@link ModelHandler} mounted under another handler's item (see {@link #path()}): the
     * attribute of its model that refers to that parent item ({@code "author"}). Its collection (with
     * its filters, sorts, counts and cursors) then holds only the parent's rows, its items outside them
     * are 404, and a create sets the attribute to the parent. Empty (the default): none.
     */
    String parent() default "";

    /**
     * The operations the handler provides, of those it implements: a {@link ModelHandler} that only
     * lists and reads says {@code operations = {Operation.LIST, Operation.READ}}, and everything else
     * answers 405 with {@code Allow}. Empty (the default): every operation it implements. Naming one it
     * does not implement fails the deployment.
     */
    Operation[] operations() default {};
}
