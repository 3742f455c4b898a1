package io.pistonee.handler;

import io.pistonee.problem.Rc;
import java.util.List;
import java.util.Map;

/**
 * The values of the path template a handler was reached through, converted like ids, and the parent
 * items they name. Inject it into a handler mounted at a template ({@link Handler#path()}):
 * <pre>{@code
 * @Handler(value = "author_posts", path = "authors/{username}/posts", parent = "author")
 * public class AuthorPostsHandler extends ModelHandler<BlogPost, Long> {
 *     @Inject Route route;
 *
 *     @Override
 *     public BlogPost create(BlogPost input) {
 *         Author author = route.parent(Author.class);       // read through the authors handler
 *         String username = route.value("username", String.class);
 *         ...
 *     }
 * }
 * }</pre>
 * A parameter that is another handler's item key ({@code {username}} of {@code authors}) is converted
 * to that handler's id type, and its item read through that handler before this one runs: a value
 * that does not convert, or an item that does not exist, is 404. Any other parameter is its text.
 * Request-scoped; outside a routed request it holds nothing.
 */
public class Route {

    private final Map<String, Object> values;
    private final List<Object> parents;

    /** No values: for proxies, and for requests not routed to a template. */
    protected Route() {
        this(Map.of(), List.of());
    }

    /** The values by parameter, in the template's order, and the parent items read, outermost first. */
    public Route(Map<String, Object> values, List<Object> parents) {
        this.values = Map.copyOf(values);
        this.parents = List.copyOf(parents);
    }

    /** Every value by parameter name. */
    public Map<String, Object> values() {
        return values;
    }

    /** The value of a parameter; {@link IllegalArgumentException} if the template has none by that name. */
    public Object value(String parameter) {
        Object value = values.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("The path template has no parameter {" + parameter + "}");
        }
        return value;
    }

    /** The value of a parameter as a type. */
    public <T> T value(String parameter, Class<T> type) {
        return type.cast(value(parameter));
    }

    /**
     * The innermost parent item (the {@code author} of {@code authors/{username}/posts}), or
     * {@code null} when the template names none.
     */
    public Object parent() {
        return parents.isEmpty() ? null : parents.get(parents.size() - 1);
    }

    /** The innermost parent item as a type; 404 when there is none (the handler was not reached under one). */
    public <T> T parent(Class<T> type) {
        Object parent = parent();
        if (!type.isInstance(parent)) {
            throw Rc.NOT_FOUND.error("There is no " + type.getSimpleName() + " in this path.");
        }
        return type.cast(parent);
    }

    /** Every parent item read, outermost first. */
    public List<Object> parents() {
        return parents;
    }
}
