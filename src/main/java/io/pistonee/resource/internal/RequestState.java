package io.pistonee.resource.internal;

import io.pistonee.emitter.internal.SelectedFormat;
import io.pistonee.handler.Route;
import io.pistonee.handler.internal.Resolution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The state the pipeline keeps for one request, made as one request-scoped bean: the chosen format
 * and the handler resolution (with the request's {@code ?fields=} and collection query), each
 * injected by its own type.
 *
 * <p>Why one bean rather than two: making a request-scoped managed bean is the dearest thing a
 * request does here (Payara runs its resource injection over every new instance, Jersey its
 * {@code @Context} injection; about 15 µs each, measured with {@code perf} on the benchmark), while a
 * producer's product costs neither. The generic resource and the filters are application-scoped for
 * the same reason.
 */
@RequestScoped
public class RequestState {

    private final SelectedFormat format = new SelectedFormat();
    private final Resolution resolution = new Resolution();

    @Produces
    @RequestScoped
    SelectedFormat format() {
        return format;
    }

    @Produces
    @RequestScoped
    Resolution resolution() {
        return resolution;
    }

    /** The template values and parents, for handlers: asked for once routing has read them. */
    @Produces
    @RequestScoped
    Route route() {
        return resolution.route();
    }
}
