package io.pistonee.resource.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Lookup;
import io.pistonee.conditional.internal.EntityTags;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.parser.MergePatch;
import io.pistonee.parser.RequestData;
import io.pistonee.parser.internal.Binder;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.throttle.internal.ThrottleFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.BaseStream;

/**
 * Bulk update and delete of a handler's collection, all or nothing ({@code @Bulk}): {@code PATCH
 * /api/posts} with an array of merge patches carrying their items' {@code id}, and {@code DELETE
 * /api/posts?id__in=3,4} (a filter required). The request is checked first (400 naming the index of
 * a patch without an {@code id}, 413 over {@code piston.bulk.max-items}); then, in one transaction,
 * the items are counted against the operation's throttle (each item one request) and each goes
 * through the handler's own read, update and delete between its lifecycle events ({@link
 * Dispatcher}). An item that fails with a problem (404, 403, 400, a stale {@code version} 412) does
 * not stop the others from being tried; if any failed, the transaction rolls back and one problem
 * lists every failure in its {@code failures} member. Any other failure (a database error) ends the
 * write at once and is answered as a single write's would be.
 */
@ApplicationScoped
public class BulkWrites {

    /** The problem member that lists each failing item. */
    static final String FAILURES = "failures";

    /** The query parameters a bulk delete ignores; anything else but a filter is 400. */
    private static final Set<String> IGNORED = Set.of("format", "callback", "fields");

    @Inject
    Dispatcher dispatcher;

    @Inject
    Binder binder;

    @Inject
    Handlers handlers;

    @Inject
    Resolution resolution;

    @Inject
    EntityTags tags;

    @Inject
    ThrottleFilter throttle;

    @Inject
    PistonConfig config;

    /** One patch of a bulk patch: its index in the array, its item's id and the patch itself. */
    record Patch(int index, Object id, JsonNode version, JsonNode patch) {}

    /**
     * The patches of a bulk patch, checked before any is applied: an array of objects, each with an
     * {@code id} of the handler's type; 413 over the maximum.
     */
    List<Patch> patches(HandlerDescriptor handler, JsonNode tree) {
        if (!tree.isArray()) {
            throw Rc.BAD_REQUEST.error("A bulk update takes an array of merge patches, each with its item's id.");
        }
        if (tree.isEmpty()) {
            throw Rc.BAD_REQUEST.error("The array is empty: there is nothing to update.");
        }
        tooMany(tree.size());
        List<Patch> patches = new ArrayList<>(tree.size());
        for (int index = 0; index < tree.size(); index++) {
            patches.add(patch(handler, index, tree.get(index)));
        }
        return patches;
    }

    private Patch patch(HandlerDescriptor handler, int index, JsonNode item) {
        if (!item.isObject()) {
            throw Rc.BAD_REQUEST.error("Item " + index + " is not an object: each is a merge patch with an id.");
        }
        JsonNode id = item.get("id");
        if (id == null || !id.isValueNode() || id.isNull()) {
            throw Rc.BAD_REQUEST.error("Item " + index + " has no id: each patch names its item's id.");
        }
        ObjectNode patch = ((ObjectNode) item).deepCopy();
        patch.remove(List.of("id", "version"));
        try {
            return new Patch(index, handler.convertId(id.asText(), config.mapper()), item.get("version"), patch);
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("Item " + index + " has an id that is no id of '" + handler.name() + "': '"
                    + ListQuery.shorten(id.asText()) + "'.");
        }
    }

    /** Applies every patch in one transaction, or none: the updated items in the patches' order. */
    @Transactional(rollbackOn = Exception.class)
    public List<Object> patchAll(HandlerDescriptor handler, List<Patch> patches) {
        throttle.countItems(patches.size());
        List<Object> updated = new ArrayList<>(patches.size());
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Patch patch : patches) {
            try {
                updated.add(dispatcher.patchItem(
                        handler,
                        patch.id(),
                        current -> requireVersion(patch, current),
                        current -> binder.bind(
                                new RequestData(MergePatch.apply(binder.writableTree(current), patch.patch())),
                                handler.updateInput())));
            } catch (ProblemException e) {
                failures.add(failure(patch.index(), patch.id(), e));
            }
        }
        fail("updated", patches.size(), failures);
        return updated;
    }

    /** A stale version given with a patch: 412 for that item. */
    private void requireVersion(Patch patch, Object current) {
        if (patch.version() == null || patch.version().isNull()) {
            return;
        }
        Object version = tags.version(current).orElse(null);
        if (version == null || !String.valueOf(version).equals(patch.version().asText())) {
            throw Rc.PRECONDITION_FAILED.error("Item " + patch.id() + " is at version " + version + ", not "
                    + ListQuery.shorten(patch.version().asText()) + ".");
        }
    }

    /**
     * The query of a bulk delete: the collection's filters, at least one (400 without: a bulk delete
     * never means everything), and nothing else but the format and fields parameters.
     */
    ListQuery selection(HandlerDescriptor handler, Map<String, List<String>> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>(parameters);
        filters.keySet().removeAll(IGNORED);
        for (String reserved : ListQuery.RESERVED) {
            if (filters.containsKey(reserved)) {
                throw Rc.BAD_REQUEST.error("A bulk delete takes filters only, not '" + reserved + "'.");
            }
        }
        if (filters.isEmpty()) {
            throw Rc.BAD_REQUEST.error(
                    "A bulk delete needs at least one filter (such as ?id__in=3,4): it never" + " deletes everything.");
        }
        int limit = config.bulkMaxItems() + 1;
        ListQuery query = ListQuery.parse(filters, handler.listing(), limit, limit);
        tooMany(named(query).size());
        return new ListQuery(limit, 0, null, query.filters(), query.order(), false);
    }

    /** Deletes every item the query selects in one transaction, or none. */
    @Transactional(rollbackOn = Exception.class)
    public void deleteAll(HandlerDescriptor handler, ListQuery query) {
        resolution.query(query);
        Map<String, Object> selected = selected(dispatcher.list(handler));
        tooMany(selected.size());
        throttle.countItems(selected.size());
        List<Map<String, Object>> failures = new ArrayList<>();
        for (String id : named(query)) {
            if (!selected.containsKey(id)) {
                failures.add(failure(null, id, Dispatcher.notFound(handler, id)));
            }
        }
        selected.forEach((id, item) -> {
            Object key = handlers.shaper().idOf(item);
            try {
                dispatcher.deleteItem(handler, key == null ? id : key, item);
            } catch (ProblemException e) {
                failures.add(failure(null, key == null ? id : key, e));
            }
        });
        fail("deleted", selected.size(), failures);
    }

    /** The items a list selected, by their ids as text, in its order. */
    private Map<String, Object> selected(Object listed) {
        Map<String, Object> selected = new LinkedHashMap<>();
        Iterator<?> items = listed instanceof BaseStream<?, ?> stream
                ? stream.iterator()
                : listed instanceof Iterable<?> iterable
                        ? iterable.iterator()
                        : List.of(listed).iterator();
        while (items.hasNext()) {
            Object item = items.next();
            selected.put(String.valueOf(handlers.shaper().idOf(item)), item);
            tooMany(selected.size());
        }
        if (listed instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return selected;
    }

    /** The ids an {@code id} or {@code id__in} filter names, which must each select an item. */
    private static Set<String> named(ListQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        for (ListQuery.Filter filter : query.filters()) {
            if ("id".equals(filter.field()) && (filter.lookup() == Lookup.EXACT || filter.lookup() == Lookup.IN)) {
                ids.addAll(filter.values());
            }
        }
        return ids;
    }

    private void tooMany(int items) {
        int max = config.bulkMaxItems();
        if (items > max) {
            throw Rc.PAYLOAD_TOO_LARGE.error("A bulk write takes at most " + max + " items (piston.bulk.max-items).");
        }
    }

    private static Map<String, Object> failure(Integer index, Object id, ProblemException e) {
        Map<String, Object> failure = new LinkedHashMap<>();
        if (index != null) {
            failure.put("index", index);
        }
        failure.put("id", id);
        failure.put("status", e.problem().status());
        failure.put("detail", e.problem().detail());
        Object errors = e.problem().extensions().get("errors");
        if (errors != null) {
            failure.put("errors", errors);
        }
        return failure;
    }

    /**
     * Nothing was written if any item failed: one problem listing each failure, with their common
     * status, or 400 when they differ (the most general status, as JSON:API advises).
     */
    private static void fail(String done, int items, List<Map<String, Object>> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Set<Object> statuses = new LinkedHashSet<>();
        failures.forEach(failure -> statuses.add(failure.get("status")));
        int status = statuses.size() == 1 ? (Integer) statuses.iterator().next() : Rc.BAD_REQUEST.status();
        throw new ProblemException(Problem.of(
                        status,
                        failures.size() + " of " + items + " items could not be " + done + "; nothing was " + done
                                + ".")
                .with(FAILURES, failures));
    }
}
