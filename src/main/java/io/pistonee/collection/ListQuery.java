package io.pistonee.collection;

import io.pistonee.collection.internal.ListingRules;
import io.pistonee.problem.Rc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request for part of a collection, parsed from the query string: {@code ?limit=&offset=} or
 * {@code ?cursor=}, filters, {@code ?sort=} and {@code ?total=}. A filter is written
 * {@code ?title__icontains=java} or, the same, {@code ?filter[title__icontains]=java} (OpenAPI's
 * {@code deepObject} style, which the OpenAPI document uses so that a generated client takes the
 * filters as one object).
 *
 * @param limit the page size
 * @param offset the first item's position (offset paging)
 * @param cursor {@code null} for offset paging; else the opaque cursor ({@code ""} for the first page)
 * @param filters every filter, all of which must hold
 * @param order the order asked for, or the handler's default
 * @param total whether the total is wanted in {@code X-Total-Count}
 */
public record ListQuery(int limit, int offset, String cursor, List<Filter> filters, List<Order> order, boolean total) {

    /** A whole number of at most ten digits (compiled once: {@code String.matches} compiles per call). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,9}");

    /** {@code filter[title__icontains]}: a filter in the {@code deepObject} style. */
    private static final Pattern DEEP_OBJECT = Pattern.compile("filter\\[([^\\[\\]]+)\\]");

    /** Query parameters that are never filters. */
    public static final Set<String> RESERVED =
            Set.of("format", "callback", "fields", "limit", "offset", "cursor", "sort", "total");

    public ListQuery {
        filters = List.copyOf(filters);
        order = List.copyOf(order);
    }

    /** One filter: {@code ?title__icontains=java}. */
    public record Filter(String field, String path, Lookup lookup, List<String> values) {}

    /** One sort key: {@code -created_on}. */
    public record Order(String field, String path, boolean descending) {}

    /** Whether the page is chosen by a cursor rather than an offset. */
    public boolean isCursor() {
        return cursor != null;
    }

    /** The first page with the default order: for code that lists outside a request. */
    public static ListQuery firstPage(ListingRules spec, int size) {
        return new ListQuery(size, 0, null, List.of(), spec.defaultOrder(), false);
    }

    /** Parses query parameters; anything unknown, not allowed or malformed answers 400. */
    public static ListQuery parse(
            Map<String, List<String>> parameters, ListingRules spec, int defaultSize, int maxSize) {
        int limit = integer(parameters, "limit", defaultSize, 1, maxSize);
        int offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE);
        String cursor = single(parameters, "cursor");
        if (cursor != null && parameters.containsKey("offset")) {
            throw Rc.BAD_REQUEST.error("Use either offset or cursor, not both.");
        }
        String sort = single(parameters, "sort");
        List<Order> order = sort == null ? spec.defaultOrder() : spec.order(sort);
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!RESERVED.contains(parameter.getKey())) {
                for (String value : parameter.getValue()) {
                    filters.add(filter(filterName(parameter.getKey()), value, spec));
                }
            }
        }
        return new ListQuery(limit, offset, cursor, filters, order, flag(parameters, "total"));
    }

    /** {@code title__icontains} for {@code filter[title__icontains]}; any other name as it is. */
    static String filterName(String parameter) {
        Matcher deep = DEEP_OBJECT.matcher(parameter);
        return deep.matches() ? deep.group(1) : parameter;
    }

    private static Filter filter(String parameter, String value, ListingRules spec) {
        int split = parameter.lastIndexOf("__");
        String field = split < 0 ? parameter : parameter.substring(0, split);
        Lookup lookup = split < 0 ? Lookup.EXACT : Lookup.of(parameter.substring(split + 2));
        if (lookup == null) {
            throw Rc.BAD_REQUEST.error("Unknown lookup '" + shorten(parameter.substring(split + 2)) + "'. Lookups: "
                    + Lookup.suffixes() + ".");
        }
        String path = spec.filterPath(field);
        List<String> values = lookup.takesMany() ? Arrays.asList(value.split(",", -1)) : List.of(value);
        return new Filter(field, path, lookup, values);
    }

    private static int integer(Map<String, List<String>> parameters, String name, int fallback, int min, int max) {
        String value = single(parameters, name);
        if (value == null) {
            return fallback;
        }
        if (!WHOLE_NUMBER.matcher(value).matches() || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw Rc.BAD_REQUEST.error("'" + name + "' must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + shorten(value) + "'.");
        }
        return Integer.parseInt(value);
    }

    private static boolean flag(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw Rc.BAD_REQUEST.error("'" + name + "' must be true or false, not '" + shorten(value) + "'.");
        };
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw Rc.BAD_REQUEST.error("'" + name + "' may be given once.");
        }
        return values.get(0);
    }

    /** Client text as a problem's detail quotes it: at most 60 characters. */
    public static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
