package io.pistonee.resource.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.collection.ListQuery;
import io.pistonee.conditional.internal.Conditions;
import io.pistonee.conditional.internal.Precondition;
import io.pistonee.conditional.internal.Validators;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.ApiPaths;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.parser.PatchParser;
import io.pistonee.parser.RequestData;
import io.pistonee.parser.internal.Binder;
import io.pistonee.problem.Rc;
import io.pistonee.problem.internal.TransactionFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one generic JAX-RS resource: {@code /api/{resource}} and {@code /api/{resource}/{id}} for every
 * handler. It never appears in documentation as {@code /{resource}}: each handler is documented at its
 * own path.
 *
 * <p>By the time a method here runs, the pipeline's earlier steps have passed (see the
 * {@code io.pistonee} package): the format is chosen, the handler resolved and allowed, the caller
 * counted, the body of a type a parser reads. Each method maps its HTTP method to the
 * {@link Dispatcher}: bind ({@link Binder}), check the conditions ({@link Conditions}), invoke, answer
 * ({@link Replies}); a handler mounted at a path template is served two segments deeper, by the same
 * methods ({@link #nested()}). List: 200, a page for a model handler ({@link Paging}); read: 200, or 404 for
 * {@code null} or an empty {@code Optional}; create: 201, and a JSON array (to the collection, or to
 * {@code /api/{resource}/bulk}, its own operation in the OpenAPI document) creates every item in one
 * transaction, or none; update (PUT) and PATCH (merge patch or JSON patch, applied to what a client may
 * write, then validated like PUT): 200; {@code Prefer: return=minimal} on any of these writes: the same
 * answer without its body ({@link ReturnPreference}); delete: 204; a handler annotated
 * {@code @Bulk} takes PATCH (an array of merge patches with ids) and DELETE (with filters) on its
 * collection, all or nothing ({@link BulkWrites}); OPTIONS: 204 with {@code Allow}; HEAD: as GET.
 *
 * <p>One instance serves every request (application-scoped: what a request decided is in its
 * {@link Resolution}), so no resource is made per request.
 */
@Path("{" + PistonResource.RESOURCE + "}")
@ApplicationScoped
public class PistonResource {

    static final String RESOURCE = ApiPaths.RESOURCE;
    static final String ID = ApiPaths.ID;

    private static final String ITEM = "{" + ID + "}";
    private static final String NESTED_KEY = "nested_key";
    private static final String NESTED = "nested";

    @Inject
    Dispatcher dispatcher;

    @Inject
    Binder binder;

    @Inject
    Resolution resolution;

    @Inject
    Conditions conditions;

    @Inject
    Paging paging;

    @Inject
    Replies replies;

    @Inject
    BulkWrites bulk;

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        replies.narrow(uri);
        Object result = paging.list(handler, uri);
        if (Replies.isStatus(result)) {
            return replies.emit(Response.ok(), result, handler, handler.listFields(), uri);
        }
        Validators validators = conditions.ofCollection(
                handler, result, Replies.root(uri), replies.variant(handler, handler.listFields()), headers);
        return replies.ok(validators, paging.headers(result, uri), result, handler, handler.listFields(), uri);
    }

    @POST
    public Response create(RequestData body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        replies.narrow(uri);
        JsonNode tree = RequestData.required(body).tree();
        if (tree.isArray() && handler.createsInBulk()) {
            return createAll(handler, tree, uri, headers);
        }
        Object created = transaction(() -> dispatcher.create(handler, binder.bind(body, handler.createInput())));
        return replies.created(handler, created, uri, preference(headers));
    }

    /**
     * {@code POST /api/{resource}/bulk}: an array of items, created in one transaction or none (the
     * routing filter lets only that item path through, and only for a handler that creates in bulk).
     */
    @POST
    @Path(ITEM)
    public Response createInBulk(RequestData body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        replies.narrow(uri);
        JsonNode tree = RequestData.required(body).tree();
        if (!tree.isArray()) {
            throw Rc.BAD_REQUEST.error("A bulk create takes an array of items; post one item to the collection.");
        }
        return createAll(handler, tree, uri, headers);
    }

    private Response createAll(HandlerDescriptor handler, JsonNode tree, UriInfo uri, HttpHeaders headers) {
        List<Object> created =
                transaction(() -> dispatcher.createAll(handler, binder.bindAll(tree, handler.createInput())));
        return replies.createdAll(handler, created, uri, preference(headers));
    }

    @GET
    @Path(ITEM)
    public Response read(@PathParam(ID) String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        replies.narrow(uri);
        Object found = dispatcher.read(handler, dispatcher.id(handler, id));
        if (found == null || (found instanceof Optional<?> optional && optional.isEmpty())) {
            throw Dispatcher.notFound(handler, id);
        }
        if (Replies.isStatus(found)) {
            return replies.emit(Response.ok(), found, handler, handler.fields(), uri);
        }
        Validators validators = conditions.ofRead(
                handler, found, Replies.root(uri), replies.variant(handler, handler.fields()), headers);
        return replies.ok(validators, Map.of(), found, handler, handler.fields(), uri);
    }

    @PUT
    @Path(ITEM)
    public Response update(
            @PathParam(ID) String id, RequestData body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        Object key = dispatcher.id(handler, id);
        replies.narrow(uri);
        Object input = binder.bind(RequestData.required(body), handler.updateInput());
        Object updated = transaction(() -> dispatcher.update(handler, key, input, precondition(handler, headers, uri)));
        return replies.written(handler, updated, uri, preference(headers));
    }

    @PATCH
    @Path(ITEM)
    public Response patch(
            @PathParam(ID) String id, RequestData body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        Object key = dispatcher.id(handler, id);
        replies.narrow(uri);
        JsonNode patch = RequestData.required(body).tree();
        Object updated = transaction(() -> dispatcher.patch(
                handler,
                key,
                current -> binder.bind(
                        new RequestData(PatchParser.apply(headers.getMediaType(), binder.writableTree(current), patch)),
                        handler.updateInput()),
                precondition(handler, headers, uri)));
        return replies.written(handler, updated, uri, preference(headers));
    }

    @DELETE
    @Path(ITEM)
    public Response delete(@PathParam(ID) String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        Object key = dispatcher.id(handler, id);
        replies.narrow(uri);
        transaction(() -> {
            dispatcher.delete(handler, key, precondition(handler, headers, uri));
            return null;
        });
        return Response.noContent().build();
    }

    /**
     * {@code PATCH /api/{resource}}: an array of merge patches, each with its item's {@code id}, applied
     * in one transaction or none ({@link BulkWrites}); 200 with the items as stored.
     */
    @PATCH
    public Response patchInBulk(RequestData body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = resolution.serving();
        replies.narrow(uri);
        List<BulkWrites.Patch> patches =
                bulk.patches(handler, RequestData.required(body).tree());
        List<Object> updated = transaction(() -> bulk.patchAll(handler, patches));
        return replies.writtenAll(handler, updated, uri, preference(headers));
    }

    /**
     * {@code DELETE /api/{resource}?filters}: every item the filters select, in one transaction or
     * none ({@link BulkWrites}); 204.
     */
    @DELETE
    public Response deleteInBulk(@Context UriInfo uri) {
        HandlerDescriptor handler = resolution.serving();
        ListQuery query = bulk.selection(handler, uri.getQueryParameters());
        transaction(() -> {
            bulk.deleteAll(handler, query);
            return null;
        });
        return Response.noContent().build();
    }

    @OPTIONS
    public Response collectionOptions() {
        return Replies.options(resolution.routed().handler(), Operation.Target.COLLECTION);
    }

    @OPTIONS
    @Path(ITEM)
    public Response itemOptions() {
        return Replies.options(resolution.routed().handler(), Operation.Target.ITEM);
    }

    /**
     * A path two segments deeper ({@code /api/authors/testuser/posts}, a handler mounted at a template):
     * the same methods answer it, a collection or (one more segment) an item, however deep. Which
     * handler serves it is routing's decision ({@link RoutingFilter}), from the whole path.
     */
    @Path("{" + NESTED_KEY + "}/{" + NESTED + "}")
    public PistonResource nested() {
        return this;
    }

    /**
     * Whether this resource serves the matched request: its class, or the CDI proxy of it that a
     * server hands JAX-RS for the paths {@link #nested()} serves.
     */
    static boolean serves(ResourceInfo resource) {
        return resource.getResourceClass() != null
                && PistonResource.class.isAssignableFrom(resource.getResourceClass());
    }

    /**
     * A write in the dispatcher's transaction. A transaction the container could not complete goes to
     * the framework's problem mapper (see {@link TransactionFailedException}), not the server's own.
     */
    private static <T> T transaction(Supplier<T> write) {
        try {
            return write.get();
        } catch (TransactionalException e) {
            throw new TransactionFailedException(e);
        }
    }

    private static ReturnPreference preference(HttpHeaders headers) {
        return ReturnPreference.of(headers.getRequestHeader(ReturnPreference.PREFER));
    }

    private Precondition precondition(HandlerDescriptor handler, HttpHeaders headers, UriInfo uri) {
        return conditions.ofWrite(handler, headers, Replies.root(uri), replies.variant(handler, handler.fields()));
    }
}
