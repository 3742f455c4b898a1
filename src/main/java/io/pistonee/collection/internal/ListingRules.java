package io.pistonee.collection.internal;

import com.fasterxml.jackson.databind.BeanDescription;
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
