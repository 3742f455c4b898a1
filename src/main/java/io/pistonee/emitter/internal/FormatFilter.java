package io.pistonee.emitter.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.emitter.Emitter;
import io.pistonee.problem.ProblemException;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Pipeline step 1: selects the emitter before anything else runs, or answers 406 with the formats
 * on offer.
 *
 * <p>{@code ?format=X} wins, then a {@code .X} suffix on the last path segment
 * ({@code /api/posts.yaml}, {@code /api/posts/1.xml}; the suffix is removed before routing), then
 * {@code Accept}. Format names match in any case ({@code ?format=JSON}, {@code /api/posts.JSON}). A
 * suffix on an item is a format only when it names one, so ids may hold dots; a resource name never
 * does, so {@code /api/posts.nope} is 406. A {@code format} given twice with different values is 400. With {@code piston.jsonp=true}, a
 * JSON response with {@code ?callback=} gets the callback (400 unless it is an identifier path).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class FormatFilter implements ContainerRequestFilter {

    /** The query parameter that names a format and wins over {@code Accept}. */
    public static final String FORMAT = "format";
    /** The query parameter that names a JSONP callback. */
    public static final String CALLBACK = "callback";

    private static final Pattern CALLBACK_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,7}");

    @Inject
    @Any
    Instance<Emitter> emitters;

    @Inject
    SelectedFormat selected;

    @Inject
    PistonConfig config;

    private Negotiation negotiation;

    @PostConstruct
    void init() {
        negotiation = new Negotiation(emitters.stream().toList());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String suffix = suffix(request).orElse(null);
        String format = only(request, FORMAT);
        String chosen = format != null ? format : suffix;
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        Negotiation.Choice choice = negotiation.choose(chosen, accept).orElseThrow(() -> notAcceptable(chosen, accept));
        Emitter emitter = choice.emitter();
        selected.select(emitter, choice.type());
        String callback = only(request, CALLBACK);
        if (config.jsonp() && callback != null && "json".equals(emitter.format())) {
            if (!CALLBACK_NAME.matcher(callback).matches()) {
                throw Rc.BAD_REQUEST.error("The callback must be a JavaScript identifier path such as app.receive.");
            }
            selected.callback(callback);
        }
    }

    /** The format named by a suffix of the last path segment, removed from the request URI. */
    private Optional<String> suffix(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String base = request.getUriInfo().getBaseUri().getRawPath();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(base) || path.endsWith("/")) {
            return Optional.empty();
        }
        String relative = path.substring(base.length());
        String suffix = Negotiation.suffix(relative);
        if (suffix == null) {
            return Optional.empty();
        }
        int dot = relative.length() - suffix.length() - 1;
        if (!negotiation.knows(suffix)) {
            if (relative.indexOf('/') < 0 && first(request, FORMAT) == null) {
                throw notAcceptable(suffix, null);
            }
            return Optional.empty();
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        request.setRequestUri(URI.create(
                uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, base.length() + dot) + query));
        return Optional.of(suffix);
    }

    private static String first(ContainerRequestContext request, String parameter) {
        List<String> values = request.getUriInfo().getQueryParameters().get(parameter);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The one value of a parameter, or {@code null}. Given twice with different values
     * ({@code ?format=json&format=xml}) it is ambiguous, whichever a framework picked (Django takes
     * the last, servlet containers the first): 400.
     */
    private static String only(ContainerRequestContext request, String parameter) {
        return only(request.getUriInfo().getQueryParameters().get(parameter), parameter);
    }

    /** The one value of a parameter given with these values (or none), or {@code null}; 400 if ambiguous. */
    static String only(List<String> values, String parameter) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (values.stream().anyMatch(other -> !other.strip().equalsIgnoreCase(value.strip()))) {
            throw Rc.BAD_REQUEST.error("The parameter '" + parameter + "' is given " + values.size()
                    + " times with different values;" + " give it once.");
        }
        return value;
    }

    private RuntimeException notAcceptable(String format, String accept) {
        List<String> names =
                negotiation.emitters().stream().map(Emitter::format).toList();
        String types = negotiation.emitters().stream()
                .flatMap(e -> e.mediaTypes().stream())
                .map(type -> type.getType() + "/" + type.getSubtype())
                .collect(Collectors.joining(", "));
        String detail = format != null
                ? "Unknown format '" + shorten(format) + "'. Available formats: " + String.join(", ", names) + "."
                : "No available type matches Accept '" + shorten(accept) + "'. Available types: " + types + ".";
        return new ProblemException(Rc.NOT_ACCEPTABLE.problem(detail).with("formats", names));
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
