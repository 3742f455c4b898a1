package io.pistonee.resource;

import io.pistonee.collection.ListRequest;
import io.pistonee.emitter.SelectedFormat;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The state the pipeline keeps for one request, made as one request-scoped bean: the chosen format,
 * the handler resolution and the collection query, each injected by its own type.
 *
 * <p>Why one bean rather than three: making a request-scoped managed bean is the dearest thing a
 * request does here (Payara runs its resource injection over every new instance, Jersey its
 * {@code @Context} injection; about 15 µs each, measured with {@code perf} on the benchmark), while a
 * producer's product costs neither. The generic resource and the filters are application-scoped for
 * the same reason.
 */
@RequestScoped
public class RequestState {

    private final SelectedFormat format = new SelectedFormat();
    private final Resolution resolution = new Resolution();
    private final ListRequest list = new ListRequest();

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

    @Produces
    @RequestScoped
    ListRequest list() {
        return list;
    }
}
