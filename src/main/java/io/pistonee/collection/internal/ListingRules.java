package io.pistonee.collection.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Listing;
import io.pistonee.problem.Rc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A handler's {@link Listing}, resolved once at start-up: client field names to the model's attribute
 * paths, for filters and for sorting, and the default order.
 *
 * @param filters client field name to attribute path ({@code created_on} → {@code createdOn})
 * @param sorts the same for sorting
 * @param defaultOrder the order without {@code ?sort=}; empty means by id
 */
public record ListingRules(Map<String, String> filters, Map<String, String> sorts, List<ListQuery.Order> defaultOrder) {

    /** No filters, no sorting, ordered by id. */
    public static final ListingRules NONE = new ListingRules(Map.of(), Map.of(), List.of());

    public ListingRules {
        filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        sorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorts));
        defaultOrder = List.copyOf(defaultOrder);
    }

    /**
     * Reads the {@code @Listing} of a handler serving {@code model}; {@link IllegalArgumentException}
     * naming the handler when an entry is not a property of the model.
     */
    public static ListingRules of(Class<?> handlerClass, Class<?> model, ObjectMapper mapper) {
        Listing listing = handlerClass.getAnnotation(Listing.class);
        if (listing == null || model == null) {
            return NONE;
        }
        Map<String, String> names = new HashMap<>();
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(model));
        for (BeanPropertyDefinition property : description.findProperties()) {
            names.put(property.getName(), property.getInternalName());
        }
        String where = "@Listing on " + handlerClass.getName() + ": ";
        Map<String, String> filters = entries(listing.filter(), names, model, where);
        Map<String, String> sorts = entries(listing.sort(), names, model, where);
        ListingRules spec = new ListingRules(filters, sorts, List.of());
        try {
            return new ListingRules(
                    filters, sorts, listing.order().isBlank() ? List.of() : spec.order(listing.order()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    where + "order '" + listing.order() + "' may only use the sort fields " + sorts.keySet());
        }
    }

    /**
     * These rules without the filters and sorts a field set does not show, so that a caller cannot
     * filter or sort by what it cannot see (400, like any field not listed). {@code shows} is asked
     * about each entry's attribute path as representations name it ({@code [author, username]} for
     * {@code author.username}); a path through anything the mapper does not show is never shown.
     * The default order stays.
     */
    public ListingRules shownBy(Predicate<List<String>> shows, Class<?> model, ObjectMapper mapper) {
        return new ListingRules(shown(filters, shows, model, mapper), shown(sorts, shows, model, mapper), defaultOrder);
    }

    /** The filter and sort fields a field set does not show (see {@link #shownBy}), for a deployment check. */
    public Set<String> hiddenFrom(Predicate<List<String>> shows, Class<?> model, ObjectMapper mapper) {
        ListingRules shown = shownBy(shows, model, mapper);
        Set<String> hidden = new TreeSet<>(filters.keySet());
        hidden.addAll(sorts.keySet());
        hidden.removeIf(field -> shown.filters.containsKey(field) || shown.sorts.containsKey(field));
        return hidden;
    }

    private static Map<String, String> shown(
            Map<String, String> entries, Predicate<List<String>> shows, Class<?> model, ObjectMapper mapper) {
        Map<String, String> shown = new LinkedHashMap<>();
        entries.forEach((field, path) -> {
            List<String> names = representation(path, model, mapper);
            if (names != null && shows.test(names)) {
                shown.put(field, path);
            }
        });
        return shown;
    }

    /** An attribute path as representations name it; {@code null} where the mapper shows no such property. */
    static List<String> representation(String path, Class<?> model, ObjectMapper mapper) {
        List<String> names = new ArrayList<>();
        JavaType type = mapper.constructType(model);
        for (String segment : path.split("\\.")) {
            BeanPropertyDefinition property = property(type, segment, mapper);
            if (property == null) {
                return null;
            }
            names.add(property.getName());
            type = property.getPrimaryType();
            if (type.isContainerType()) {
                type = type.getContentType();
            }
        }
        return names;
    }

    private static BeanPropertyDefinition property(JavaType type, String internalName, ObjectMapper mapper) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getInternalName().equals(internalName) && property.couldSerialize()) {
                return property;
            }
        }
        return null;
    }

    /** The attribute path of a filterable field; 400 for any other. */
    public String filterPath(String field) {
        String path = filters.get(field);
        if (path == null) {
            throw Rc.BAD_REQUEST.error("'" + ListQuery.shorten(field) + "' cannot be filtered by. "
                    + (filters.isEmpty()
                            ? "This collection has no filters."
                            : "Filters: " + String.join(", ", filters.keySet()) + "."));
        }
        return path;
    }

    /** Parses {@code -created_on,title}; a field that cannot be sorted by answers 400. */
    public List<ListQuery.Order> order(String sort) {
        List<ListQuery.Order> order = new ArrayList<>();
        for (String key : sort.split(",", -1)) {
            String name = key.strip();
            boolean descending = name.startsWith("-");
            String field = descending ? name.substring(1) : name;
            String path = sorts.get(field);
            if (path == null) {
                throw Rc.BAD_REQUEST.error("'" + ListQuery.shorten(field) + "' cannot be sorted by. "
                        + (sorts.isEmpty()
                                ? "This collection cannot be sorted."
                                : "Sort fields: " + String.join(", ", sorts.keySet()) + "."));
            }
            order.add(new ListQuery.Order(field, path, descending));
        }
        return order;
    }

    private static Map<String, String> entries(
            String[] entries, Map<String, String> names, Class<?> model, String where) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String entry : entries) {
            for (String item : entry.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                int colon = item.indexOf(':');
                String field = (colon < 0 ? item : item.substring(0, colon)).strip();
                String path =
                        colon < 0 ? names.get(field) : item.substring(colon + 1).strip();
                if (path == null || path.isEmpty()) {
                    throw new IllegalArgumentException(where + "'" + field + "' is not a property of "
                            + model.getSimpleName() + "; write 'name: attribute.path' for anything else");
                }
                resolved.put(field, path);
            }
        }
        return resolved;
    }
}
