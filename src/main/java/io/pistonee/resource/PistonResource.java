package io.pistonee.resource;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.emitter.Emission;
import io.pistonee.emitter.SelectedFormat;
import io.pistonee.fields.FieldSpec;
import io.pistonee.fields.Shaper;
import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Handlers;
import io.pistonee.handler.Operation;
import io.pistonee.parser.Binder;
import io.pistonee.parser.PatchParser;
import io.pistonee.parser.RequestData;
import io.pistonee.problem.Rc;
import io.pistonee.problem.Reply;
import io.pistonee.problem.TransactionFailedException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

/**
 * The one generic JAX-RS resource: {@code /api/{resource}} and {@code /api/{resource}/{id}} for every
 * handler. It never appears in documentation as {@code /{resource}}: each handler is documented at its
 * own path.
 *
 * <p>By the time a method here runs, the pipeline's earlier steps have passed (see the
 * {@code io.pistonee} package): the format is chosen, the handler exists and provides the operation,
 * and the body is of a type a parser reads. What is left is binding, checking preconditions, invoking,
 * and wrapping the result for the chosen emitter:
 * <ul>
 *   <li>list: 200 with a weak {@code ETag}; a model handler's collection is a page (see
 *       {@link Listings}); read: 200 with {@code ETag} (one per representation: see
 *       {@link EntityTags}; and {@code Last-Modified} where the model
 *       has one); {@code If-None-Match} / {@code If-Modified-Since} answer 304; a read that returns
 *       {@code null} or an empty {@code Optional} is 404;</li>
 *   <li>create: 201 with the result, and {@code Location} when the result is an entity of the model;
 *       a JSON array creates every item in one transaction, or none (400 with every item's errors);</li>
 *   <li>update (PUT) and PATCH (merge patch or JSON patch, applied to what a client may write, then
 *       validated like PUT): 200 with the result and its new {@code ETag}; delete: 204;
 *       {@code If-Match} / {@code If-Unmodified-Since} that do not hold answer 412, checked in the
 *       write's transaction; with {@code piston.conditional.require-if-match}, a write without
 *       {@code If-Match} answers 428;</li>
 *   <li>a result that is an {@link Rc} is that status with no body, a {@link Reply} that status with
 *       its content; an error status is answered as a problem; any other {@code null} is 204;</li>
 *   <li>OPTIONS: 204 with {@code Allow}; HEAD: as GET, without the body.</li>
 * </ul>
 *
 * <p>One instance serves every request (application-scoped: it holds no request state; what a request
 * decided is in {@link RequestState}), so no resource is made per request.
 */
@Path("{" + PistonResource.RESOURCE + "}")
@ApplicationScoped
public class PistonResource {

    public static final String RESOURCE = "resource";
    public static final String ID = "id";
    /** The query parameter that narrows the field spec: {@code ?fields=title,author(username)}. */
    static final String FIELDS = "fields";

    private static final String ITEM = "{" + ID + "}";

    @Inject
    Handlers handlers;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Binder binder;

    @Inject
    SelectedFormat format;

    @Inject
    Resolution resolution;

    @Inject
    EntityTags tags;

    @Inject
    Listings listings;

    @Inject
    PistonConfig config;

    @GET
    public Response list(@PathParam(RESOURCE) String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        HandlerDescriptor handler = serving(name);
        narrowing(uri);
        Object result = listings.list(handler, uri);
        if (result instanceof Rc || result instanceof Reply) {
            return emit(Response.ok(), result, handler, handler.listFields(), uri);
        }
        String etag = tags.ofCollection(handler, result, apiRoot(uri), variant(handler, handler.listFields(), uri));
        if (Preconditions.noneMatchFails(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        Response.ResponseBuilder response = Response.ok();
        listings.headers(result, uri).forEach(response::header);
        return emit(response.header(HttpHeaders.ETAG, etag), result, handler, handler.listFields(), uri);
    }

    @POST
    public Response create(@PathParam(RESOURCE) String name, RequestData body, @Context UriInfo uri) {
        HandlerDescriptor handler = serving(name);
        narrowing(uri);
        JsonNode tree = required(body).tree();
        if (tree.isArray() && !takesArrays(handler.createInput())) {
            List<Object> created =
                    transaction(() -> dispatcher.createAll(handler, binder.bindAll(tree, handler.createInput())));
            return emit(Response.status(Response.Status.CREATED), created, handler, handler.fields(), uri);
        }
        Object created = transaction(() -> dispatcher.create(handler, binder.bind(body, handler.createInput())));
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (handler.isModelHandler() && handler.model().isInstance(created)) {
            String path = handlers.pathOf(handler, created);
            if (path != null) {
                response.location(apiRoot(uri).resolve(path));
            }
            response.header(HttpHeaders.ETAG, tags.of(handler, created, apiRoot(uri), variant(handler, uri)));
        }
        return created == null ? response.build() : emit(response, created, handler, handler.fields(), uri);
    }

    @GET
    @Path(ITEM)
    public Response read(
            @PathParam(RESOURCE) String name,
            @PathParam(ID) String id,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HandlerDescriptor handler = serving(name);
        narrowing(uri);
        Object found = dispatcher.read(handler, id(handler, id));
        if (found == null || (found instanceof Optional<?> optional && optional.isEmpty())) {
            throw notFound(handler, id);
        }
        if (found instanceof Rc || found instanceof Reply) {
            return emit(Response.ok(), found, handler, handler.fields(), uri);
        }
        String etag = tags.of(handler, found, apiRoot(uri), variant(handler, uri));
        Optional<Instant> modified = tags.lastModified(found);
        if (notModified(headers, etag, modified)) {
            Response.ResponseBuilder response = Response.notModified().header(HttpHeaders.ETAG, etag);
            modified.ifPresent(time -> response.header(HttpHeaders.LAST_MODIFIED, Preconditions.formatDate(time)));
            return response.build();
        }
        Response.ResponseBuilder response = Response.ok().header(HttpHeaders.ETAG, etag);
        modified.ifPresent(time -> response.header(HttpHeaders.LAST_MODIFIED, Preconditions.formatDate(time)));
        return emit(response, found, handler, handler.fields(), uri);
    }

    @PUT
    @Path(ITEM)
    public Response update(
            @PathParam(RESOURCE) String name,
            @PathParam(ID) String id,
            RequestData body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HandlerDescriptor handler = serving(name);
        Object key = id(handler, id);
        narrowing(uri);
        Object input = binder.bind(required(body), handler.updateInput());
        Object updated = transaction(() -> dispatcher.update(handler, key, input, precondition(handler, headers, uri)));
        return written(handler, updated, uri);
    }

    @PATCH
    @Path(ITEM)
    public Response patch(
            @PathParam(RESOURCE) String name,
            @PathParam(ID) String id,
            RequestData body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HandlerDescriptor handler = serving(name);
        Object key = id(handler, id);
        narrowing(uri);
        JsonNode patch = required(body).tree();
        Object updated = transaction(() -> dispatcher.patch(
                handler,
                key,
                current -> binder.bind(
                        new RequestData(PatchParser.apply(headers.getMediaType(), binder.writableTree(current), patch)),
                        handler.updateInput()),
                precondition(handler, headers, uri)));
        return written(handler, updated, uri);
    }

    @DELETE
    @Path(ITEM)
    public Response delete(
            @PathParam(RESOURCE) String name,
            @PathParam(ID) String id,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HandlerDescriptor handler = serving(name);
        transaction(() -> {
            dispatcher.delete(handler, id(handler, id), precondition(handler, headers, uri));
            return null;
        });
        return Response.noContent().build();
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

    @OPTIONS
    public Response collectionOptions(@PathParam(RESOURCE) String name) {
        return options(handlers.require(name), Operation.Target.COLLECTION);
    }

    @OPTIONS
    @Path(ITEM)
    public Response itemOptions(@PathParam(RESOURCE) String name) {
        return options(handlers.require(name), Operation.Target.ITEM);
    }

    private static Response options(HandlerDescriptor handler, Operation.Target target) {
        Response.ResponseBuilder response =
                Response.noContent().header("Allow", String.join(", ", handler.allow(target)));
        if (handler.provides(Operation.PATCH) && target == Operation.Target.ITEM) {
            response.header("Accept-Patch", PatchParser.MERGE_PATCH + ", " + PatchParser.JSON_PATCH);
        }
        return response.build();
    }

    /** The answer to PUT and PATCH: 200 with the result and, for an item that has one, its new tag. */
    private Response written(HandlerDescriptor handler, Object updated, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok();
        if (updated != null && !(updated instanceof Rc) && !(updated instanceof Reply)) {
            response.header(HttpHeaders.ETAG, tags.of(handler, updated, apiRoot(uri), variant(handler, uri)));
        }
        return emit(response, updated, handler, handler.fields(), uri);
    }

    /** Whether {@code If-None-Match}, or else {@code If-Modified-Since}, says the client's copy is current. */
    private static boolean notModified(HttpHeaders headers, String etag, Optional<Instant> modified) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Preconditions.noneMatchFails(ifNoneMatch, etag);
        }
        String since = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        return since != null
                && modified.isPresent()
                && Preconditions.parseDate(since) != null
                && !Preconditions.modifiedSince(since, modified.get());
    }

    /** The conditions of a write, checked by the dispatcher against the item as it is in the transaction. */
    private Precondition precondition(HandlerDescriptor handler, HttpHeaders headers, UriInfo uri) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        String ifUnmodifiedSince = headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE);
        if (ifMatch == null && config.requireIfMatch() && handler.provides(Operation.READ)) {
            throw Rc.PRECONDITION_REQUIRED.error(
                    "This write needs If-Match with the item's current ETag (read the item to get it).");
        }
        if (ifMatch == null && ifNoneMatch == null && ifUnmodifiedSince == null) {
            return Precondition.NONE;
        }
        URI root = apiRoot(uri);
        Variant variant = variant(handler, uri);
        return current -> {
            String state = current == null ? null : tags.state(handler, current, root);
            String etag = current == null ? null : tags.of(handler, current, root, variant);
            Map<String, String> tagHeader = etag == null ? Map.of() : Map.of(HttpHeaders.ETAG, etag);
            if (ifMatch != null && (current == null || !Preconditions.stateMatches(ifMatch, state))) {
                throw Rc.PRECONDITION_FAILED.error(
                        "If-Match does not match the item's current ETag" + (etag == null ? "" : " " + etag) + ".",
                        tagHeader);
            }
            if (ifNoneMatch != null && current != null && Preconditions.stateNoneMatchFails(ifNoneMatch, state)) {
                throw Rc.PRECONDITION_FAILED.error("If-None-Match matches the item's current ETag.", tagHeader);
            }
            Optional<Instant> modified = current == null ? Optional.empty() : tags.lastModified(current);
            if (ifMatch == null
                    && ifUnmodifiedSince != null
                    && modified.isPresent()
                    && Preconditions.parseDate(ifUnmodifiedSince) != null
                    && Preconditions.modifiedSince(ifUnmodifiedSince, modified.get())) {
                throw Rc.PRECONDITION_FAILED.error("The item was modified after If-Unmodified-Since.", tagHeader);
            }
        };
    }

    private Response emit(
            Response.ResponseBuilder response, Object result, HandlerDescriptor handler, FieldSpec spec, UriInfo uri) {
        if (result instanceof Rc rc) {
            return emit(response, rc.with(null), handler, spec, uri);
        }
        if (result instanceof Reply reply) {
            if (reply.rc().isError()) {
                throw reply.toProblem();
            }
            Response.ResponseBuilder status = Response.status(reply.rc().status());
            return reply.content() == null ? status.build() : emit(status, reply.content(), handler, spec, uri);
        }
        if (result == null) {
            return Response.noContent().build();
        }
        FieldSpec narrow = narrowing(uri);
        URI root = apiRoot(uri);
        Shaper shaper = handlers.shaper();
        // Only a one-pass sequence (a database cursor's stream) needs its items let go as they are
        // written; a list is in memory until the response is written, whatever happens to its items.
        boolean onePass = result instanceof BaseStream<?, ?> || result instanceof Iterator<?>;
        Emission emission = new Emission(
                result,
                item -> shaper.shape(item, spec, narrow, root),
                item -> shaper.stored(item, spec, narrow, root, handler.djangoModel()),
                onePass ? handlers::release : null,
                (item, generator) -> shaper.write(item, spec, narrow, root, generator));
        return response.entity(emission).type(format.mediaType()).build();
    }

    /**
     * The client's {@code ?fields=}; every method parses it before the handler runs (400 if malformed). It narrows the
     * handler's spec and never widens it: names the handler does not emit are ignored.
     */
    private static FieldSpec narrowing(UriInfo uri) {
        String fields = uri.getQueryParameters().getFirst(FIELDS);
        if (fields == null) {
            return null;
        }
        try {
            return FieldSpec.parse(fields);
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("The fields parameter is malformed: " + e.getMessage());
        }
    }

    /** The variant of this request's representation of one item (see {@link EntityTags}). */
    private Variant variant(HandlerDescriptor handler, UriInfo uri) {
        return variant(handler, handler.fields(), uri);
    }

    private Variant variant(HandlerDescriptor handler, FieldSpec spec, UriInfo uri) {
        return new Variant(handler.handlerClass(), spec, narrowing(uri), format.mediaType(), format.callback());
    }

    /** Whether an input type takes a JSON array as it is (so an array is not a bulk create). */
    public static boolean takesArrays(JavaType input) {
        Class<?> type = input == null ? Object.class : input.getRawClass();
        return type == Object.class
                || JsonNode.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type)
                || type.isArray();
    }

    /** The handler resolution chose for this caller (the anonymous twin, for some). */
    private HandlerDescriptor serving(String name) {
        return resolution.resolved() ? resolution.serving() : handlers.require(name);
    }

    /** The path id converted to the handler's id type; an id that does not convert names nothing: 404. */
    private Object id(HandlerDescriptor handler, String id) {
        try {
            return handlers.convertId(handler, id);
        } catch (IllegalArgumentException e) {
            throw notFound(handler, id);
        }
    }

    static RuntimeException notFound(HandlerDescriptor handler, String id) {
        String shown = id.length() <= 100 ? id : id.substring(0, 100) + "...";
        return Rc.NOT_FOUND.error("There is no '" + handler.name() + "' with id '" + shown + "'.");
    }

    private static RequestData required(RequestData body) {
        if (body == null) {
            throw Rc.BAD_REQUEST.error("The request body is empty: a document is required.");
        }
        return body;
    }

    private static URI apiRoot(UriInfo uri) {
        return uri.getBaseUri();
    }
}
