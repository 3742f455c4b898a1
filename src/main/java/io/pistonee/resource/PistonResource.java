package io.pistonee.resource;

import io.pistonee.emitter.Emission;
import io.pistonee.emitter.SelectedFormat;
import io.pistonee.fields.FieldSpec;
import io.pistonee.fields.Shaper;
import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Handlers;
import io.pistonee.handler.Operation;
import io.pistonee.parser.Binder;
import io.pistonee.parser.RequestData;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * The one generic JAX-RS resource: {@code /api/{resource}} and {@code /api/{resource}/{id}} for every
 * handler. It never appears in documentation as {@code /{resource}}: each handler is documented at its
 * own path.
 *
 * <p>By the time a method here runs, the pipeline's earlier steps have passed (see the
 * {@code io.pistonee} package): the format is chosen, the handler exists and provides the operation,
 * and the body is of a type a parser reads. What is left is binding, invoking, and wrapping the result
 * for the chosen emitter:
 * <ul>
 *   <li>list and read: 200; a read that returns {@code null} or an empty {@code Optional} is 404;</li>
 *   <li>create: 201 with the result, and {@code Location} when the result is an entity of the model;</li>
 *   <li>update: 200 with the result; delete: 204;</li>
 *   <li>a result that is an {@link Rc} is that status with no body; any other {@code null} is 204;</li>
 *   <li>OPTIONS: 204 with {@code Allow}; HEAD: as GET, without the body.</li>
 * </ul>
 */
@Path("{" + PistonResource.RESOURCE + "}")
@RequestScoped
public class PistonResource {

    static final String RESOURCE = "resource";
    static final String ID = "id";
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

    @GET
    public Response list(@PathParam(RESOURCE) String name, @Context UriInfo uri) {
        HandlerDescriptor handler = serving(name);
        FieldSpec narrow = narrowing(uri);
        return emit(Response.ok(), dispatcher.list(handler), handler, handler.listFields(), narrow, uri);
    }

    @POST
    public Response create(@PathParam(RESOURCE) String name, RequestData body, @Context UriInfo uri) {
        HandlerDescriptor handler = serving(name);
        FieldSpec narrow = narrowing(uri);
        Object created = dispatcher.create(handler, binder.bind(required(body), handler.createInput()));
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (handler.isModelHandler() && handler.model().isInstance(created)) {
            String path = handlers.pathOf(handler, created);
            if (path != null) {
                response.location(apiRoot(uri).resolve(path));
            }
        }
        return created == null ? response.build() : emit(response, created, handler, handler.fields(), narrow, uri);
    }

    @GET
    @Path(ITEM)
    public Response read(@PathParam(RESOURCE) String name, @PathParam(ID) String id, @Context UriInfo uri) {
        HandlerDescriptor handler = serving(name);
        FieldSpec narrow = narrowing(uri);
        Object found = dispatcher.read(handler, id(handler, id));
        if (found == null || (found instanceof Optional<?> optional && optional.isEmpty())) {
            throw notFound(handler, id);
        }
        return emit(Response.ok(), found, handler, handler.fields(), narrow, uri);
    }

    @PUT
    @Path(ITEM)
    public Response update(
            @PathParam(RESOURCE) String name, @PathParam(ID) String id, RequestData body, @Context UriInfo uri) {
        HandlerDescriptor handler = serving(name);
        Object key = id(handler, id);
        FieldSpec narrow = narrowing(uri);
        Object updated = dispatcher.update(handler, key, binder.bind(required(body), handler.updateInput()));
        return emit(Response.ok(), updated, handler, handler.fields(), narrow, uri);
    }

    @DELETE
    @Path(ITEM)
    public Response delete(@PathParam(RESOURCE) String name, @PathParam(ID) String id) {
        HandlerDescriptor handler = serving(name);
        dispatcher.delete(handler, id(handler, id));
        return Response.noContent().build();
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

    /** The handler resolution chose for this caller (the anonymous twin, for some). */
    private HandlerDescriptor serving(String name) {
        return resolution.resolved() ? resolution.serving() : handlers.require(name);
    }

    private static Response options(HandlerDescriptor handler, Operation.Target target) {
        return Response.noContent()
                .header("Allow", String.join(", ", handler.allow(target)))
                .build();
    }

    private Response emit(
            Response.ResponseBuilder response,
            Object result,
            HandlerDescriptor handler,
            FieldSpec spec,
            FieldSpec narrow,
            UriInfo uri) {
        if (result instanceof Rc rc) {
            return Response.status(rc.status()).build();
        }
        if (result == null) {
            return Response.noContent().build();
        }
        URI root = apiRoot(uri);
        Shaper shaper = handlers.shaper();
        Emission emission = new Emission(
                result,
                item -> shaper.shape(item, spec, narrow, root),
                item -> shaper.stored(item, spec, narrow, root, handler.djangoModel()),
                handlers::release);
        return response.entity(emission).type(format.mediaType()).build();
    }

    /**
     * The client's {@code ?fields=}, parsed before the handler runs (400 if malformed). It narrows the
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

    /** The path id converted to the handler's id type; an id that does not convert names nothing: 404. */
    private Object id(HandlerDescriptor handler, String id) {
        try {
            return handlers.convertId(handler, id);
        } catch (IllegalArgumentException e) {
            throw notFound(handler, id);
        }
    }

    private static RuntimeException notFound(HandlerDescriptor handler, String id) {
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
