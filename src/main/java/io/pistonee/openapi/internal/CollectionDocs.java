package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Lookup;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * headers of a page; one parameter per field and lookup its {@code @Listing} lets clients filter by
 * ({@code title__icontains}), each typed like the attribute and offered only with the lookups that
 * apply to it (text lookups on text, comparisons on ordered types); and {@code sort} with the fields it
 * may be sorted by.
 */
final class CollectionDocs {

    private final int defaultSize;
    private final int maxSize;
    private final Function<HandlerDescriptor, ListingRules> listings;
    private final BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes;
    private final Types types;
    private final TypeFactory typeFactory;

    CollectionDocs(
            int defaultSize,
            int maxSize,
            Function<HandlerDescriptor, ListingRules> listings,
            BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes,
            Types types,
            TypeFactory typeFactory) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
        this.listings = listings;
        this.resultTypes = resultTypes;
        this.types = types;
        this.typeFactory = typeFactory;
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
        ListingRules listing = listings.apply(handler);
        listing.filters().forEach((field, path) -> parameters.addAll(filters(handler, field, path)));
        if (!listing.sorts().isEmpty()) {
            parameters.add(sort(handler, listing));
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
                        "RFC 8288 links to other pages: `first`, `prev`, `next` and `last` with offset paging;"
                                + " `first` and `next` with `cursor`.",
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

    /** One parameter per lookup that applies to the field's type: {@code title}, {@code title__icontains}, ... */
    private List<Parameter> filters(HandlerDescriptor handler, String field, String path) {
        Class<?> type = attributeType(handler.model(), path);
        Schema value = type == null ? null : types.scalar(typeFactory.constructType(type));
        if (value == null) {
            value = Typed.schema(SchemaType.STRING);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Lookup lookup : Lookup.values()) {
            if (lookup.appliesTo(type)) {
                parameters.add(filter(field, lookup, value));
            }
        }
        return parameters;
    }

    private static Parameter filter(String field, Lookup lookup, Schema value) {
        String name = lookup == Lookup.EXACT ? field : field + "__" + lookup.suffix();
        Parameter parameter = query(name, "Only items whose `" + field + "` " + lookup.meaning() + ".");
        if (lookup.takesMany()) {
            return parameter
                    .schema(Typed.schema(SchemaType.ARRAY).items(value))
                    .style(Parameter.Style.FORM)
                    .explode(false);
        }
        return parameter.schema(value);
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
