package io.pistonee.emitter;

import io.pistonee.problem.Rc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pipeline step 1: selects the emitter before anything else runs, or answers 406 with the formats
 * on offer.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class FormatFilter implements ContainerRequestFilter {

    /** The query parameter that names a format and wins over {@code Accept}. */
    public static final String FORMAT = "format";

    @Inject
    @Any
    Instance<Emitter> emitters;

    @Inject
    SelectedFormat selected;

    private Negotiation negotiation;

    @PostConstruct
    void init() {
        negotiation = new Negotiation(emitters.stream().toList());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> formats = request.getUriInfo().getQueryParameters().get(FORMAT);
        String format = formats == null || formats.isEmpty() ? null : formats.get(0);
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        selected.select(negotiation.select(format, accept).orElseThrow(() -> notAcceptable(format, accept)));
    }

    private RuntimeException notAcceptable(String format, String accept) {
        String formats = negotiation.emitters().stream().map(Emitter::format).collect(Collectors.joining(", "));
        String types = negotiation.emitters().stream()
                .flatMap(e -> e.mediaTypes().stream())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        String detail = format != null
                ? "Unknown format '" + shorten(format) + "'. Available formats: " + formats + "."
                : "No available type matches Accept '" + shorten(accept) + "'. Available types: " + types + ".";
        return new io.pistonee.problem.ProblemException(Rc.NOT_ACCEPTABLE
                .problem(detail)
                .with(
                        "formats",
                        negotiation.emitters().stream().map(Emitter::format).toList()));
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
