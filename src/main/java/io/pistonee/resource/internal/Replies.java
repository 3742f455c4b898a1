package io.pistonee.resource.internal;

import io.pistonee.conditional.internal.Conditions;
import io.pistonee.conditional.internal.Validators;
import io.pistonee.conditional.internal.Variant;
import io.pistonee.emitter.Emission;
import io.pistonee.emitter.internal.SelectedFormat;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.Shaper;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.metrics.internal.Metrics;
import io.pistonee.parser.PatchParser;
import io.pistonee.problem.Rc;
import io.pistonee.problem.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.BaseStream;

/**
 * The answers of the generic resource: a handler's result wrapped for the chosen emitter, shaped by
 * the handler's field spec narrowed by the client's {@code ?fields=}; an {@link Rc} result as that
 * status with no body, a {@link Reply} as its status with its content (an error status as a
 * problem); any other {@code null} as 204. Written items carry their new {@code ETag}; a created
 * entity of the model its {@code Location}. A write whose client prefers {@code return=minimal}
 * ({@link ReturnPreference}) answers the same status and headers without the body (204 for 200), and
 * every write answer with a body by default varies on {@code Prefer}.
 * The items of a streamed result are counted as exported rows ({@code io.pistonee.metrics}).
 */
@ApplicationScoped
public class Replies {

    /** The query parameter that narrows the field spec: {@code ?fields=title,author(username)}. */
    static final String FIELDS = "fields";

    @Inject
    Handlers handlers;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Conditions conditions;

    @Inject
    SelectedFormat format;

    @Inject
    Resolution resolution;

    @Inject
    Metrics metrics;

    /** Whether a result is a status rather than content: an {@link Rc} or a {@link Reply}. */
    static boolean isStatus(Object result) {
        return result instanceof Rc || result instanceof Reply;
    }

    /**
     * Parses the client's {@code ?fields=} once, before the handler runs (400 if malformed), into the
     * request's resolution. It narrows the handler's spec and never widens it: names the handler does
     * not emit are ignored.
     */
    void narrow(UriInfo uri) {
        String fields = uri.getQueryParameters().getFirst(FIELDS);
        try {
            resolution.narrow(fields == null ? null : FieldSpec.parse(fields));
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("The fields parameter is malformed: " + e.getMessage());
        }
    }

    /** The variant of this request's representation of a handler's items shaped by a spec. */
    Variant variant(HandlerDescriptor handler, FieldSpec spec) {
        return new Variant(handler.handlerClass(), spec, resolution.narrowing(), format.mediaType(), format.callback());
    }

    /**
     * 201 with the created item; an entity of the model gets its {@code Location} (its canonical item
     * path: {@code /api/posts/7} for a post created at {@code /api/authors/testuser/posts}) and {@code ETag}.
     */
    Response created(HandlerDescriptor handler, Object created, UriInfo uri, ReturnPreference preference) {
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (handler.isModelHandler() && handler.model().isInstance(created)) {
            String path = handlers.itemPath(created); // the model's canonical path, as its resource_uri
            if (path != null) {
                response.location(root(uri).resolve(path));
            }
            conditions
                    .ofWritten(handler, created, root(uri), variant(handler, handler.fields()))
                    .addTo(response);
        }
        return created == null
                ? response.build()
                : answer(response, Response.Status.CREATED, created, handler, uri, preference);
    }

    /** 201 with every item a bulk create made, in order. */
    Response createdAll(HandlerDescriptor handler, List<Object> created, UriInfo uri, ReturnPreference preference) {
        return answer(
                Response.status(Response.Status.CREATED), Response.Status.CREATED, created, handler, uri, preference);
    }

    /** 200 with every item a bulk patch updated, in order; 204 with {@code Prefer: return=minimal}. */
    Response writtenAll(HandlerDescriptor handler, List<Object> updated, UriInfo uri, ReturnPreference preference) {
        return answer(Response.ok(), Response.Status.NO_CONTENT, updated, handler, uri, preference);
    }

    /** The answer to PUT and PATCH: 200 with the result and, for an item that has one, its new tag. */
    Response written(HandlerDescriptor handler, Object updated, UriInfo uri, ReturnPreference preference) {
        Response.ResponseBuilder response = Response.ok();
        if (updated != null && !isStatus(updated)) {
            conditions
                    .ofWritten(handler, updated, root(uri), variant(handler, handler.fields()))
                    .addTo(response);
        }
        return answer(response, Response.Status.NO_CONTENT, updated, handler, uri, preference);
    }

    /**
     * A write's result: with its body, or, when the client prefers {@code return=minimal}, as
     * {@code minimal} with the headers so far and no body. A status or {@code null} has no body to
     * leave out, so there the preference neither applies nor varies the answer.
     */
    private Response answer(
            Response.ResponseBuilder response,
            Response.Status minimal,
            Object result,
            HandlerDescriptor handler,
            UriInfo uri,
            ReturnPreference preference) {
        if (result == null || isStatus(result)) {
            return emit(response, result, handler, handler.fields(), uri);
        }
        preference.applied(response.header(HttpHeaders.VARY, ReturnPreference.PREFER));
        return preference == ReturnPreference.MINIMAL
                ? response.status(minimal).build()
                : emit(response, result, handler, handler.fields(), uri);
    }

    /** A read or list: 304 when the client's copy is current, else 200 with the validators and headers. */
    Response ok(
            Validators validators,
            Map<String, String> headers,
            Object result,
            HandlerDescriptor handler,
            FieldSpec spec,
            UriInfo uri) {
        if (validators.notModified()) {
            return validators.notModifiedResponse();
        }
        Response.ResponseBuilder response = validators.addTo(Response.ok());
        headers.forEach(response::header);
        return emit(response, result, handler, spec, uri);
    }

    /** The result, shaped by {@code spec} narrowed by the request's {@code ?fields=}, for the chosen emitter. */
    Response emit(
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
        FieldSpec narrow = resolution.narrowing();
        URI root = root(uri);
        Shaper shaper = handlers.shaper();
        // Only a one-pass sequence (a database cursor's stream) needs its items let go as they are
        // written; a list is in memory until the response is written, whatever happens to its items.
        boolean onePass = result instanceof BaseStream<?, ?> || result instanceof Iterator<?>;
        Emission emission = new Emission(
                result,
                item -> shaper.shape(item, spec, narrow, root),
                item -> shaper.stored(item, spec, narrow, root, handler.djangoModel()),
                onePass ? streamed(handler) : null,
                (item, generator) -> shaper.write(item, spec, narrow, root, generator));
        return response.entity(emission).type(format.mediaType()).build();
    }

    /**
     * What is done with each item of a one-pass sequence once written: it is let go, and counted as an
     * exported row of the handler.
     */
    private Consumer<Object> streamed(HandlerDescriptor handler) {
        LongAdder rows = metrics.exportRows(handler.name());
        Consumer<Object> release = dispatcher.releaser();
        return item -> {
            release.accept(item);
            rows.increment();
        };
    }

    /** OPTIONS: 204 with {@code Allow}, and {@code Accept-Patch} where PATCH is allowed. */
    static Response options(HandlerDescriptor handler, Operation.Target target) {
        Response.ResponseBuilder response =
                Response.noContent().header("Allow", String.join(", ", handler.allow(target)));
        if (handler.provides(Operation.PATCH) && target == Operation.Target.ITEM) {
            response.header("Accept-Patch", PatchParser.MERGE_PATCH + ", " + PatchParser.JSON_PATCH);
        }
        return response.build();
    }

    /** The API root every {@code resource_uri}, {@code Location} and tag is built under. */
    static URI root(UriInfo uri) {
        return uri.getBaseUri();
    }
}
