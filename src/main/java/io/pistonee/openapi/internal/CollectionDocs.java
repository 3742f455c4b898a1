package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Lookup;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Nouns;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.BaseStream;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * A model handler's collection as the generic resource serves it: the paging parameters
 * ({@code limit} with {@code piston.page.default-size} and {@code piston.page.max-size},
 * {@code offset}, {@code cursor}, {@code total}) and the {@code Link} and {@code X-Total-Count}
 * headers of a page; one {@code filter} parameter in the {@code deepObject} style, whose schema
 * ({@code posts_filter}) has a property per field and lookup its {@code @Listing} lets clients filter
 * by ({@code filter[title__icontains]}), each typed like the attribute and offered only with the
 * lookups that apply to it (text lookups on text, comparisons on ordered types), so that a generated
 * client takes the filters as one object rather than a parameter each; and {@code sort} with the
 * fields it may be sorted by.
 */
final class CollectionDocs {

    /** The deepObject parameter that holds the filters: {@code filter[title__icontains]=java}. */
    static final String FILTER = "filter";

    private final int defaultSize;
    private final int maxSize;
    private final Function<HandlerDescriptor, ListingRules> listings;
    private final BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes;
    private final Types types;
    private final TypeFactory typeFactory;
    private final BiFunction<String, Supplier<Schema>, Schema> named;

    /** @param named registers a named schema once and answers a reference to it ({@code posts_filter}) */
    CollectionDocs(
            int defaultSize,
            int maxSize,
            Function<HandlerDescriptor, ListingRules> listings,
            BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes,
            Types types,
            TypeFactory typeFactory,
            BiFunction<String, Supplier<Schema>, Schema> named) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
        this.listings = listings;
        this.resultTypes = resultTypes;
        this.types = types;
        this.typeFactory = typeFactory;
        this.named = named;
    }

    /**
     * Whether a handler's collection is paged: a model handler's, unless its {@code list()} returns a
     * one-pass stream (an unpaged export).
     */
    boolean paged(HandlerDescriptor handler) {
        if (!handler.isModelHandler() || !handler.provides(Operation.LIST)) {
            return false;
        }
        Class<?> raw = resultTypes.apply(handler, Operation.LIST).getRawClass();
        return !BaseStream.class.isAssignableFrom(raw) && !Iterator.class.isAssignableFrom(raw);
    }

    /** What the list operation's description says about paging and order, or an empty string. */
    String describe(HandlerDescriptor handler) {
        if (!paged(handler)) {
            return "";
        }
        return " Paged: " + defaultSize + " items by default, at most " + maxSize + " (`limit`); `offset` or `cursor`"
                + " picks the page, the `Link` header names the others. Ordered by `" + order(handler) + "`.";
    }

    /** The query parameters of a collection: paging, then each filter, then {@code sort}. */
    List<Parameter> parameters(HandlerDescriptor handler) {
        List<Parameter> parameters = new ArrayList<>();
        if (!handler.isModelHandler()) {
            return parameters;
        }
        if (paged(handler)) {
            parameters.addAll(paging());
        }
        parameters.addAll(filterParameters(handler));
        ListingRules listing = listings.apply(handler);
        if (!listing.sorts().isEmpty()) {
            parameters.add(sort(handler, listing));
        }
        return parameters;
    }

    /** The filters of a model handler's collection (what a bulk delete selects by), if it has any. */
    List<Parameter> filterParameters(HandlerDescriptor handler) {
        List<Parameter> parameters = new ArrayList<>();
        if (!handler.isModelHandler()) {
            return parameters;
        }
        Schema filters = filters(handler, listings.apply(handler));
        if (filters.getProperties() != null && !filters.getProperties().isEmpty()) {
            parameters.add(query(
                            FILTER,
                            "The filters, all of which must hold: `filter[title__icontains]=java` (the same as"
                                    + " `title__icontains=java`).")
                    .style(Parameter.Style.DEEPOBJECT)
                    .explode(true)
                    // A named example: Swagger UI then leaves "Try it out" without a filter, where it
                    // would otherwise fill in a sample value of every property. A summary only: Payara
                    // writes no other member of it (WildFly writes an empty value too)
                    .addExample("none", OASFactory.createExample().summary("No filter"))
                    .schema(named.apply(handler.name() + "_" + FILTER, () -> filters)));
        }
        return parameters;
    }

    /** {@code Link} and {@code X-Total-Count} on a page. */
    void headers(APIResponse response, HandlerDescriptor handler) {
        if (!paged(handler)) {
            return;
        }
        response.addHeader(
                "Link",
                Typed.header(
                        "RFC 8288 links to other pages: `first`, `prev` and `next` with offset paging, and"
                                + " `last` with `total=true`; `first` and `next` with `cursor`.",
                        SchemaType.STRING));
        response.addHeader(
                "X-Total-Count",
                Typed.header("How many items match the filters; only with `total=true`.", SchemaType.INTEGER));
    }

    private List<Parameter> paging() {
        return List.of(
                query("limit", "How many items per page.")
                        .schema(Typed.schema(SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(maxSize))
                                .defaultValue(defaultSize)),
                query("offset", "How many items to skip (default 0). Not with `cursor`.")
                        .schema(Typed.schema(SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ZERO)),
                query(
                                "cursor",
                                "Keyset paging: empty for the first page; each page's `next` link carries the"
                                        + " cursor of the next. Opaque, and bound to the order. Not with `offset`.")
                        .schema(Typed.schema(SchemaType.STRING))
                        .allowEmptyValue(true),
                query("total", "Count every matching item into `X-Total-Count`.")
                        .schema(Typed.schema(SchemaType.BOOLEAN).defaultValue(false)));
    }

    /**
     * The filters as one object, a property per field and lookup that applies to the field's type
     * ({@code title}, {@code title__icontains}, ...), typed like the attribute; lookups that take many
     * values take them comma-separated. {@code @Parameter(name = "title__gt", hidden = true)} on the
     * handler's {@code list} leaves one out, {@code description = ...} describes it.
     */
    private Schema filters(HandlerDescriptor handler, ListingRules listing) {
        Schema object = Typed.schema(SchemaType.OBJECT)
                .description("Filters of " + Nouns.words(handler.name()) + ", in the `deepObject` style:"
                        + " `filter[title__icontains]=java`.");
        Map<String, org.eclipse.microprofile.openapi.annotations.parameters.Parameter> declared = declared(handler);
        listing.filters().forEach((field, path) -> {
            Class<?> type = attributeType(handler.model(), path);
            for (Lookup lookup : Lookup.values()) {
                String name = lookup == Lookup.EXACT ? field : field + "__" + lookup.suffix();
                var annotation = declared.get(name);
                if (lookup.appliesTo(type) && (annotation == null || !annotation.hidden())) {
                    Schema value = filter(field, lookup, type);
                    if (annotation != null && !annotation.description().isEmpty()) {
                        value.description(annotation.description());
                    }
                    object.addProperty(name, value);
                }
            }
        });
        return object;
    }

    private Schema filter(String field, Lookup lookup, Class<?> type) {
        Schema value = lookup.takesMany() || type == null ? null : types.scalar(typeFactory.constructType(type));
        if (value == null) {
            value = Typed.schema(SchemaType.STRING);
        }
        return value.description("Only items whose `" + field + "` " + lookup.meaning() + ".");
    }

    /** The {@code @Parameter}s on the handler's {@code list}, by name. */
    private static Map<String, org.eclipse.microprofile.openapi.annotations.parameters.Parameter> declared(
            HandlerDescriptor handler) {
        Method list = PathDocs.method(handler, Operation.LIST);
        Map<String, org.eclipse.microprofile.openapi.annotations.parameters.Parameter> declared = new HashMap<>();
        if (list != null) {
            for (var annotation : list.getAnnotationsByType(
                    org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class)) {
                declared.put(annotation.name(), annotation);
            }
        }
        return declared;
    }

    private Parameter sort(HandlerDescriptor handler, ListingRules listing) {
        Schema keys = Typed.schema(SchemaType.STRING);
        for (String field : listing.sorts().keySet()) {
            keys.addEnumeration(field);
            keys.addEnumeration("-" + field);
        }
        return query(
                        "sort",
                        "The order: fields, `-` for descending, comma-separated (`-created_on,title`); the id"
                                + " breaks ties. Default: `" + order(handler) + "`.")
                .schema(Typed.schema(SchemaType.ARRAY).items(keys))
                .style(Parameter.Style.FORM)
                .explode(false);
    }

    /** The default order, as {@code ?sort=} writes it. */
    private String order(HandlerDescriptor handler) {
        List<ListQuery.Order> order = listings.apply(handler).defaultOrder();
        return order.isEmpty()
                ? "id"
                : order.stream()
                        .map(key -> (key.descending() ? "-" : "") + key.field())
                        .collect(Collectors.joining(","));
    }

    /** The Java type at the end of an attribute path ({@code author.username}), or {@code null} if unknown. */
    static Class<?> attributeType(Class<?> model, String path) {
        Class<?> type = model;
        for (String segment : path.split("\\.")) {
            Type next = memberType(type, segment);
            if (!(next instanceof Class<?> raw)) {
                return null;
            }
            type = raw;
        }
        return type;
    }

    private static Type memberType(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field.getGenericType();
                }
            }
        }
        String suffix = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("get" + suffix)
                            || method.getName().equals("is" + suffix))) {
                return method.getGenericReturnType();
            }
        }
        return null;
    }

    private static Parameter query(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description);
    }
}
