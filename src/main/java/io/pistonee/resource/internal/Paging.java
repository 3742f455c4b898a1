package io.pistonee.resource.internal;

import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Page;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.handler.internal.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages collections: parses a model handler's collection query before its {@code list()} runs (400
 * for anything not allowed), and turns a {@link Page} into RFC 8288 {@code Link} headers
 * ({@code first}, {@code prev}, {@code next}, {@code last}; with a cursor, {@code first} and
 * {@code next}) and {@code X-Total-Count} when {@code ?total=true} asks for it.
 */
@ApplicationScoped
public class Paging {

    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    Dispatcher dispatcher;

    @Inject
    PistonConfig config;

    @Inject
    Resolution resolution;

    @Inject
    Handlers handlers;

    private final Map<List<Object>, ListingRules> twinListings = new ConcurrentHashMap<>();

    /** The handler's collection, with the request's query in place for a model handler. */
    public Object list(HandlerDescriptor handler, UriInfo uri) {
        HandlerDescriptor requested = resolution.requested();
        if (handler.isModelHandler() || requested.isModelHandler()) {
            resolution.query(ListQuery.parse(
                    uri.getQueryParameters(),
                    listing(requested, handler),
                    config.pageDefaultSize(),
                    config.pageMaxSize()));
        }
        return dispatcher.list(handler);
    }

    /**
     * What the caller may filter and sort by. An anonymous twin that lists through its model handler
     * is held to that handler's listing, less what the twin's own fields do not show: no one filters
     * or sorts by what they cannot see. (A handler's own fields show its whole listing: the deployment
     * checks that.) Worked out once per twin.
     */
    private ListingRules listing(HandlerDescriptor requested, HandlerDescriptor serving) {
        if (serving == requested || !requested.isModelHandler()) {
            return requested.listing();
        }
        return twinListings.computeIfAbsent(
                List.of(requested.name(), serving.handlerClass()),
                twin -> requested
                        .listing()
                        .shownBy(
                                path -> serving.listFields()
                                        .shows(path, handlers.shaper().defaultProperties(requested.model())),
                                requested.model(),
                                config.mapper()));
    }

    /** The headers a page adds to the response; none for anything else. */
    public Map<String, String> headers(Object result, UriInfo uri) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!(result instanceof Page<?> page)) {
            return headers;
        }
        List<String> links = page.query().isCursor() ? cursorLinks(page, uri) : offsetLinks(page, uri);
        headers.put("Link", String.join(", ", links));
        if (page.query().total()) {
            page.total().ifPresent(total -> headers.put(TOTAL_COUNT, String.valueOf(total)));
        }
        return headers;
    }

    private static List<String> offsetLinks(Page<?> page, UriInfo uri) {
        int limit = page.query().limit();
        int offset = page.offset();
        List<String> links = new ArrayList<>();
        links.add(link(at(uri, limit, 0), "first"));
        if (offset > 0) {
            links.add(link(at(uri, limit, Math.max(0, offset - limit)), "prev"));
        }
        if (page.hasMore()) {
            links.add(link(at(uri, limit, offset + limit), "next"));
        }
        page.total().ifPresent(total -> links.add(link(at(uri, limit, lastOffset(total, limit)), "last")));
        return links;
    }

    private static List<String> cursorLinks(Page<?> page, UriInfo uri) {
        int limit = page.query().limit();
        List<String> links = new ArrayList<>();
        links.add(link(
                uri.getRequestUriBuilder().replaceQueryParam("limit", limit).replaceQueryParam("cursor", ""), "first"));
        page.nextCursor()
                .ifPresent(cursor -> links.add(link(
                        uri.getRequestUriBuilder()
                                .replaceQueryParam("limit", limit)
                                .replaceQueryParam("cursor", cursor),
                        "next")));
        return links;
    }

    static int lastOffset(long total, int limit) {
        return total == 0 ? 0 : (int) ((total - 1) / limit) * limit;
    }

    private static UriBuilder at(UriInfo uri, int limit, int offset) {
        return uri.getRequestUriBuilder().replaceQueryParam("limit", limit).replaceQueryParam("offset", offset);
    }

    private static String link(UriBuilder target, String rel) {
        return "<" + target.build() + ">; rel=\"" + rel + "\"";
    }
}
